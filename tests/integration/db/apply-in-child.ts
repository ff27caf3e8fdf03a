// Child process for the concurrency test: applies migrations to the SQLite file in argv[2], prints the result.
import { applyMigrations } from '../../../lib/db/apply-migrations';

const file = process.argv[2];
if (!file) throw new Error('usage: apply-in-child.ts <sqlite file>');
const result = await applyMigrations({ provider: 'sqlite', file });
process.stdout.write(JSON.stringify(result));
