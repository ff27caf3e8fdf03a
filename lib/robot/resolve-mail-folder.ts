import 'server-only';
import { parseFolderPath } from './folder-path';
import { graphFailureOf } from '@/lib/entra/graph-failure';
import type { MailboxGraph } from './open-mailbox-graph';

// A folder path ("Inbox", "Inbox/Orders", "Processed") to its Graph folder, one level at a time: the first segment
// by well-known name or by display name under the mailbox root, the rest by display name among child folders.
// With `create`, missing levels are made (a concurrent create that wins with 409 ErrorFolderExists is looked up).

export interface MailFolder {
  id: string;
  displayName: string;
  totalItemCount?: number;
  unreadItemCount?: number;
}

export class FolderNotFoundError extends Error {
  readonly statusCode = 404;
  readonly code = 'ErrorItemNotFound';
}

interface FolderList {
  value: MailFolder[];
}

const SELECT = '$select=id,displayName,totalItemCount,unreadItemCount';

function quote(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

async function child(graph: MailboxGraph, parentId: string | null, name: string): Promise<MailFolder | undefined> {
  const base = parentId
    ? `${graph.root}/mailFolders/${encodeURIComponent(parentId)}/childFolders`
    : `${graph.root}/mailFolders`;
  const filter = encodeURIComponent(`displayName eq ${quote(name)}`);
  const list = (await graph.client.api(`${base}?$filter=${filter}&${SELECT}`).get()) as FolderList;
  return list.value.find((f) => f.displayName.toLowerCase() === name.toLowerCase()) ?? list.value[0];
}

async function createChild(graph: MailboxGraph, parentId: string | null, name: string): Promise<MailFolder> {
  const base = parentId
    ? `${graph.root}/mailFolders/${encodeURIComponent(parentId)}/childFolders`
    : `${graph.root}/mailFolders`;
  try {
    return (await graph.client.api(base).post({ displayName: name })) as MailFolder;
  } catch (error) {
    if (graphFailureOf(error).code !== 'ErrorFolderExists') throw error;
    const existing = await child(graph, parentId, name);
    if (!existing) throw error;
    return existing;
  }
}

export async function resolveMailFolder(
  graph: MailboxGraph,
  path: string,
  options: { create?: boolean } = {},
): Promise<MailFolder> {
  const { wellKnown, segments } = parseFolderPath(path);
  let folder: MailFolder | undefined;
  let rest = segments;
  if (wellKnown) {
    folder = (await graph.client.api(`${graph.root}/mailFolders/${wellKnown}?${SELECT}`).get()) as MailFolder;
    rest = segments.slice(1);
  }
  for (const name of rest) {
    const parentId = folder?.id ?? null;
    const found = await child(graph, parentId, name);
    if (found) folder = found;
    else if (options.create) folder = await createChild(graph, parentId, name);
    else throw new FolderNotFoundError(`The folder “${name}” was not found.`);
  }
  if (!folder) throw new FolderNotFoundError(`The folder “${path}” was not found.`);
  return folder;
}
