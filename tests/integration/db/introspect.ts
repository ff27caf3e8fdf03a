// Reads a migrated database's structure into one provider-neutral shape, so SQLite and PostgreSQL can be compared
// directly: tables, columns (nullability, default present, type family), primary keys, indexes, foreign keys.
import Database from 'better-sqlite3';
import pg from 'pg';
import { postgresConnectionFields, postgresSchema } from '../../../lib/db/database-config';

export interface Structure {
  tables: Record<
    string,
    {
      columns: Record<string, { type: string; nullable: boolean; hasDefault: boolean }>;
      primaryKey: string[];
    }
  >;
  /** `table.index_name` → description; primary-key indexes excluded (see primaryKey). */
  indexes: Record<string, { table: string; columns: string[]; unique: boolean }>;
  /** `table(columns) -> table(columns)` → referential actions. */
  foreignKeys: Record<string, { onDelete: string; onUpdate: string }>;
}

const IGNORED_TABLES = new Set(['_prisma_migrations']);

/** Maps each database's spelling of a type to the Prisma scalar it stores. */
export function typeFamily(declared: string): string {
  const t = declared.toLowerCase().trim();
  const families: [RegExp, string][] = [
    [/^(text|varchar|character varying|character|char|bpchar)\b/, 'string'],
    [/^(datetime|timestamp)/, 'datetime'],
    [/^bigint\b|^int8\b/, 'bigint'],
    [/^(integer|int|int4|smallint|int2)\b/, 'int'],
    [/^(boolean|bool)\b/, 'boolean'],
    [/^(real|double|float)/, 'float'],
    [/^(decimal|numeric)/, 'decimal'],
    [/^(blob|bytea)\b/, 'bytes'],
    [/^jsonb?\b/, 'json'],
  ];
  return families.find(([pattern]) => pattern.test(t))?.[1] ?? `unknown(${t})`;
}

function fkKey(table: string, columns: string[], refTable: string, refColumns: string[]): string {
  return `${table}(${columns.join(',')}) -> ${refTable}(${refColumns.join(',')})`;
}

export function introspectSqlite(file: string): Structure {
  const db = new Database(file, { readonly: true });
  try {
    const structure: Structure = { tables: {}, indexes: {}, foreignKeys: {} };
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    for (const { name } of tables.filter((t) => !IGNORED_TABLES.has(t.name))) {
      const columns = db.pragma(`table_info("${name}")`) as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }[];
      structure.tables[name] = {
        columns: Object.fromEntries(
          columns.map((c) => [
            c.name,
            {
              type: typeFamily(c.type),
              nullable: c.notnull === 0 && c.pk === 0,
              hasDefault: c.dflt_value !== null,
            },
          ]),
        ),
        primaryKey: columns
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
      };
      const indexes = db.pragma(`index_list("${name}")`) as { name: string; unique: number; origin: string }[];
      for (const index of indexes.filter((i) => i.origin !== 'pk')) {
        const cols = (db.pragma(`index_info("${index.name}")`) as { seqno: number; name: string }[])
          .sort((a, b) => a.seqno - b.seqno)
          .map((c) => c.name);
        structure.indexes[`${name}.${index.name}`] = { table: name, columns: cols, unique: index.unique === 1 };
      }
      const fks = db.pragma(`foreign_key_list("${name}")`) as {
        id: number;
        seq: number;
        table: string;
        from: string;
        to: string;
        on_update: string;
        on_delete: string;
      }[];
      for (const id of new Set(fks.map((fk) => fk.id))) {
        const parts = fks.filter((fk) => fk.id === id).sort((a, b) => a.seq - b.seq);
        const first = parts[0];
        if (!first) continue;
        const key = fkKey(
          name,
          parts.map((p) => p.from),
          first.table,
          parts.map((p) => p.to),
        );
        structure.foreignKeys[key] = { onDelete: first.on_delete, onUpdate: first.on_update };
      }
    }
    return structure;
  } finally {
    db.close();
  }
}

const PG_ACTIONS: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

export async function introspectPostgres(url: string): Promise<Structure> {
  const client = new pg.Client(postgresConnectionFields(url));
  const schema = postgresSchema(url); // named explicitly: current_schema() is unreliable on PGlite's shared session
  await client.connect();
  try {
    const structure: Structure = { tables: {}, indexes: {}, foreignKeys: {} };
    const columns = await client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
      column_default: string | null;
    }>(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = $1 ORDER BY table_name, ordinal_position`,
      [schema],
    );
    for (const c of columns.rows.filter((row) => !IGNORED_TABLES.has(row.table_name))) {
      const table = (structure.tables[c.table_name] ??= { columns: {}, primaryKey: [] });
      table.columns[c.column_name] = {
        type: typeFamily(c.data_type),
        nullable: c.is_nullable === 'YES',
        hasDefault: c.column_default !== null,
      };
    }
    const keys = await client.query<{ table_name: string; column_name: string; constraint_name: string }>(
      `SELECT tc.table_name, kcu.column_name, tc.constraint_name FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu
         ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
       WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = $1
       ORDER BY tc.table_name, kcu.ordinal_position`,
      [schema],
    );
    const primaryIndexNames = new Set(keys.rows.map((k) => k.constraint_name));
    for (const k of keys.rows) structure.tables[k.table_name]?.primaryKey.push(k.column_name);
    const indexes = await client.query<{ tablename: string; indexname: string; indexdef: string }>(
      'SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1',
      [schema],
    );
    for (const i of indexes.rows) {
      if (primaryIndexNames.has(i.indexname) || IGNORED_TABLES.has(i.tablename)) continue;
      const columnList = /\((.*)\)\s*$/.exec(i.indexdef)?.[1] ?? ''; // `... USING btree ("a", "b")`
      structure.indexes[`${i.tablename}.${i.indexname}`] = {
        table: i.tablename,
        columns: columnList.split(',').map((c) => c.trim().replace(/^"|"$/g, '')),
        unique: /^CREATE UNIQUE INDEX/i.test(i.indexdef),
      };
    }
    // "char" columns (confdeltype...) cast to text: plain pg reads them fine, but keep the query adapter-safe.
    const fks = await client.query<{
      table_name: string;
      columns: string[];
      ref_table: string;
      ref_columns: string[];
      on_delete: string;
      on_update: string;
    }>(
      `SELECT cl.relname AS table_name, fcl.relname AS ref_table,
         ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
         ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i) AS ref_columns,
         con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
       FROM pg_constraint con
       JOIN pg_class cl ON cl.oid = con.conrelid
       JOIN pg_class fcl ON fcl.oid = con.confrelid
       JOIN pg_namespace ns ON ns.oid = cl.relnamespace
       WHERE con.contype = 'f' AND ns.nspname = $1`,
      [schema],
    );
    for (const fk of fks.rows) {
      structure.foreignKeys[fkKey(fk.table_name, fk.columns, fk.ref_table, fk.ref_columns)] = {
        onDelete: PG_ACTIONS[fk.on_delete] ?? fk.on_delete,
        onUpdate: PG_ACTIONS[fk.on_update] ?? fk.on_update,
      };
    }
    return structure;
  } finally {
    await client.end();
  }
}
