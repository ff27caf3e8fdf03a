// Who may read the data on disk. No `server-only`: scripts run by tsx open the database too.
// The SQLite file and its WAL hold inbound mail and outbox bodies, so only Switchboard's own user may read them:
// the data folder is 0700 and the database files 0600 (SQLite gives its -wal and -shm the database file's mode).
import fs from 'node:fs';

const PRIVATE_FOLDER = 0o700;
const PRIVATE_FILE = 0o600;

function tighten(target: string, mode: number): void {
  try {
    if ((fs.statSync(target).mode & 0o077) !== 0) fs.chmodSync(target, mode);
  } catch (error) {
    // Missing is fine (created later with the right mode); not ours to change is the operator's choice.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EPERM') throw error;
  }
}

/** Creates the data folder readable by this user only, and tightens one that an older version left open. */
export function securePrivateFolder(folder: string): void {
  fs.mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER });
  tighten(folder, PRIVATE_FOLDER);
}

/** Creates the SQLite file 0600 before SQLite opens it (SQLite would create it 0644), and tightens an existing set. */
export function secureSqliteFiles(file: string): void {
  fs.closeSync(fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_RDWR, PRIVATE_FILE));
  for (const part of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) tighten(part, PRIVATE_FILE);
}
