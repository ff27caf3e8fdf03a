import type { Mailbox, StoredMessage } from '../store/mail-types';
import type { GraphCall } from './graph-call';
import { graphErrors } from './graph-error';
import { messageResource } from './message-resource';
import { compileFilter, compileOrderBy, prefersText, readCount, readSelect } from './odata-query';

// Messages: list (a folder or the whole mailbox), get, get MIME ($value), update (isRead, flag,
// categories...), move, delete.

export function folderOf(call: GraphCall, mailbox: Mailbox): string | undefined {
  const folderParam = call.exchange.params.folder;
  if (folderParam === undefined) return undefined;
  const folder = call.context.mail.folder(mailbox, folderParam);
  if (!folder) throw graphErrors.itemNotFound();
  return folder.id;
}

export function messageOf(call: GraphCall, mailbox: Mailbox): StoredMessage {
  const message = mailbox.messages.get(call.exchange.params.message ?? '');
  if (!message) throw graphErrors.itemNotFound();
  return message;
}

export function renderOptions(call: GraphCall) {
  const query = call.exchange.url.searchParams;
  return {
    select: readSelect(query),
    preferText: prefersText(call.exchange.header('prefer')),
    expandAttachments: /(^|,)\s*attachments\s*(,|$)/i.test(query.get('$expand') ?? ''),
  };
}

export function listMessages(call: GraphCall): void {
  const { owner, mailbox } = call.mailbox('read');
  const query = call.exchange.url.searchParams;
  const folderId = folderOf(call, mailbox);
  const top = readCount(query, '$top', 10);
  const skip = readCount(query, '$skip', 0);
  const matching = call.context.mail
    .messagesIn(mailbox, folderId)
    .filter(compileFilter(query.get('$filter')))
    .sort(compileOrderBy(query.get('$orderby')));
  const page = matching.slice(skip, skip + top);
  const options = renderOptions(call);
  const body: Record<string, unknown> = {
    '@odata.context': `${call.root}/$metadata#users('${encodeURIComponent(owner.id)}')/messages`,
    value: page.map((m) => messageResource(m, options)),
  };
  if (skip + top < matching.length) {
    const next = new URL(`${call.context.urls.graphBaseUrl}${call.exchange.url.pathname}${call.exchange.url.search}`);
    next.searchParams.set('$skip', String(skip + top));
    next.searchParams.set('$top', String(top));
    body['@odata.nextLink'] = next.toString();
  }
  call.json(200, body);
}

export function getMessage(call: GraphCall): void {
  const { mailbox } = call.mailbox('read');
  call.json(200, messageResource(messageOf(call, mailbox), renderOptions(call)));
}

export function getMessageMime(call: GraphCall): void {
  const { mailbox } = call.mailbox('read');
  call.exchange.send(200, messageOf(call, mailbox).raw, call.headers({ 'Content-Type': 'text/plain' }));
}

export async function updateMessage(call: GraphCall): Promise<void> {
  const { mailbox } = call.mailbox('write');
  const message = messageOf(call, mailbox);
  const body = await call.body();
  const changes: Parameters<typeof call.context.mail.updateMessage>[2] = {};
  if (typeof body.isRead === 'boolean') changes.isRead = body.isRead;
  if (Array.isArray(body.categories))
    changes.categories = body.categories.filter((c): c is string => typeof c === 'string');
  const flag = body.flag as { flagStatus?: unknown } | undefined;
  if (flag && (flag.flagStatus === 'notFlagged' || flag.flagStatus === 'flagged' || flag.flagStatus === 'complete'))
    changes.flagStatus = flag.flagStatus;
  if (body.importance === 'low' || body.importance === 'normal' || body.importance === 'high')
    changes.importance = body.importance;
  if (typeof body.subject === 'string') {
    if (!message.isDraft) throw graphErrors.invalidRequest('The subject can be updated only on a draft message.');
    changes.subject = body.subject;
  }
  call.context.mail.updateMessage(mailbox, message, changes);
  call.json(200, messageResource(message, renderOptions(call)));
}

export async function moveMessage(call: GraphCall): Promise<void> {
  const { mailbox } = call.mailbox('write');
  const message = messageOf(call, mailbox);
  const body = await call.body();
  const destination =
    typeof body.destinationId === 'string' ? call.context.mail.folder(mailbox, body.destinationId) : undefined;
  if (!destination) throw graphErrors.itemNotFound();
  const moved = call.context.mail.moveMessage(mailbox, message, destination.id);
  call.json(201, messageResource(moved, renderOptions(call)));
}

/** Graph's DELETE moves an item to Deleted Items; from Deleted Items it is gone. */
export function deleteMessage(call: GraphCall): void {
  const { mailbox } = call.mailbox('write');
  const message = messageOf(call, mailbox);
  const deletedItems = call.context.mail.folder(mailbox, 'deleteditems');
  if (!deletedItems || message.folderId === deletedItems.id) call.context.mail.removeMessage(mailbox, message);
  else call.context.mail.moveMessage(mailbox, message, deletedItems.id);
  call.empty(204);
}
