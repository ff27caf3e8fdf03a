import type { Mailbox } from '../store/mail-types';
import type { GraphCall } from './graph-call';
import { graphErrors } from './graph-error';
import { messageResource } from './message-resource';
import { folderOf } from './message-routes';
import { preferredPageSize, prefersText, readSelect } from './odata-query';

// GET .../mailFolders/{id}/messages/delta: the first round returns every message of the folder, page by
// page (@odata.nextLink), and ends with an @odata.deltaLink; the next round returns what changed since,
// with `@removed` entries for messages that left the folder. Tokens carry the $select of the first call.
// A token fails with 410 SyncStateNotFound once the mailbox's sync state is invalidated or expires.

interface SyncToken {
  m: string;
  f: string;
  since: number;
  until: number;
  offset: number;
  generation: number;
  issuedAt: number;
  select?: string[];
}

const encode = (token: SyncToken) => Buffer.from(JSON.stringify(token)).toString('base64url');

function decode(value: string): SyncToken {
  try {
    const token = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as SyncToken;
    if (typeof token.m !== 'string' || typeof token.since !== 'number' || typeof token.generation !== 'number')
      throw new Error('shape');
    return token;
  } catch {
    throw graphErrors.invalidSyncState();
  }
}

function startingPoint(call: GraphCall, mailbox: Mailbox, folderId: string): SyncToken {
  const query = call.exchange.url.searchParams;
  const deltaToken = query.get('$deltatoken');
  const skipToken = query.get('$skiptoken');
  if (!deltaToken && !skipToken) {
    return {
      m: mailbox.address,
      f: folderId,
      since: 0,
      until: mailbox.seq,
      offset: 0,
      generation: mailbox.deltaGeneration,
      issuedAt: Date.now(),
      select: readSelect(query),
    };
  }
  const token = decode((deltaToken ?? skipToken) as string);
  if (token.m !== mailbox.address || token.f !== folderId) throw graphErrors.invalidSyncState();
  const lifetime = call.context.settings.deltaTokenLifetimeSeconds;
  const expired = lifetime !== undefined && Date.now() - token.issuedAt > lifetime * 1000;
  if (token.generation !== mailbox.deltaGeneration || expired) throw graphErrors.syncStateNotFound(token.generation);
  if (deltaToken) return { ...token, since: token.until, until: mailbox.seq, offset: 0, issuedAt: Date.now() };
  return token;
}

export function messagesDelta(call: GraphCall): void {
  const { mailbox } = call.mailbox('read');
  const folderId = folderOf(call, mailbox) ?? '';
  const token = startingPoint(call, mailbox, folderId);
  const prefer = call.exchange.header('prefer');
  const pageSize = preferredPageSize(prefer, 10);
  const { changed, removedIds } = call.context.mail.changesSince(mailbox, folderId, token.since, token.until);
  const options = { select: token.select, preferText: prefersText(prefer) };
  const items = [
    ...changed.map((m) => messageResource(m, options)),
    ...removedIds.map((id) => ({ '@odata.type': '#microsoft.graph.message', id, '@removed': { reason: 'deleted' } })),
  ];
  const link = `${call.context.urls.graphBaseUrl}${call.exchange.url.pathname}`;
  const body: Record<string, unknown> = {
    '@odata.context': `${call.root}/$metadata#Collection(message)`,
    value: items.slice(token.offset, token.offset + pageSize),
  };
  if (token.offset + pageSize < items.length)
    body['@odata.nextLink'] = `${link}?$skiptoken=${encode({ ...token, offset: token.offset + pageSize })}`;
  else body['@odata.deltaLink'] = `${link}?$deltatoken=${encode({ ...token, offset: 0 })}`;
  call.json(
    200,
    body,
    /odata\.maxpagesize/i.test(prefer ?? '') ? { 'Preference-Applied': `odata.maxpagesize=${pageSize}` } : {},
  );
}
