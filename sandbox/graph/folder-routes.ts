import type { GraphCall } from './graph-call';
import { graphErrors } from './graph-error';
import { folderResource } from './message-resource';
import { readCount } from './odata-query';

// Mail folders: list (top level or children, optionally `$filter=displayName eq '...'`), get by id or
// well-known name, create.

function parentId(call: GraphCall, mailbox: Parameters<GraphCall['context']['mail']['folder']>[0]): string {
  const param = call.exchange.params.folder;
  if (param === undefined) return mailbox.rootFolderId;
  const folder = call.context.mail.folder(mailbox, param);
  if (!folder) throw graphErrors.itemNotFound();
  return folder.id;
}

export function listFolders(call: GraphCall): void {
  const { owner, mailbox } = call.mailbox('read');
  const query = call.exchange.url.searchParams;
  const filter = query.get('$filter');
  let wanted: string | undefined;
  if (filter) {
    const match = /^\s*displayName\s+eq\s+'(.*)'\s*$/i.exec(filter);
    if (!match) throw graphErrors.invalidFilter();
    wanted = (match[1] ?? '').replace(/''/g, "'").toLowerCase();
  }
  const all = [...mailbox.folders.values()];
  const messages = call.context.mail.messagesIn(mailbox);
  const folders = call.context.mail
    .childFolders(mailbox, parentId(call, mailbox))
    .filter((f) => wanted === undefined || f.displayName.toLowerCase() === wanted);
  const top = readCount(query, '$top', 10);
  const skip = readCount(query, '$skip', 0);
  const body: Record<string, unknown> = {
    '@odata.context': `${call.root}/$metadata#users('${encodeURIComponent(owner.id)}')/mailFolders`,
    value: folders.slice(skip, skip + top).map((f) => folderResource(f, all, messages)),
  };
  if (skip + top < folders.length) {
    const next = new URL(`${call.context.urls.graphBaseUrl}${call.exchange.url.pathname}${call.exchange.url.search}`);
    next.searchParams.set('$skip', String(skip + top));
    body['@odata.nextLink'] = next.toString();
  }
  call.json(200, body);
}

export function getFolder(call: GraphCall): void {
  const { mailbox } = call.mailbox('read');
  const folder = call.context.mail.folder(mailbox, call.exchange.params.folder ?? '');
  if (!folder) throw graphErrors.itemNotFound();
  call.json(200, folderResource(folder, [...mailbox.folders.values()], call.context.mail.messagesIn(mailbox)));
}

export async function createFolder(call: GraphCall): Promise<void> {
  const { mailbox } = call.mailbox('write');
  const body = await call.body();
  if (typeof body.displayName !== 'string' || !body.displayName.trim())
    throw graphErrors.invalidRequest('The displayName property is required.');
  const folder = call.context.mail.createFolder(mailbox, body.displayName.trim(), parentId(call, mailbox));
  if (!folder) throw graphErrors.folderExists();
  call.json(201, folderResource(folder, [...mailbox.folders.values()], []));
}
