// Derives one Prisma schema per database provider from the single source `prisma/schema.prisma`.
// Plain ESM JavaScript (not TypeScript) because `generate-client.mjs` runs as npm `postinstall`, before tsx is
// guaranteed to work; `provider-schema.d.mts` gives the TypeScript scripts and tests its types.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROVIDERS = /** @type {const} */ (['sqlite', 'postgresql']);

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SOURCE_SCHEMA = join(PROJECT_ROOT, 'prisma', 'schema.prisma');
/** Where the derived schemas are written (git-ignored). */
export const DERIVED_DIR = join(PROJECT_ROOT, '.tmp', 'prisma');

/** @param {string} provider */
export function derivedSchemaPath(provider) {
  return join(DERIVED_DIR, provider, 'schema.prisma');
}

/** @param {string} provider */
export function generatedClientDir(provider) {
  return join(PROJECT_ROOT, 'lib', 'db', 'generated', provider);
}

/** @param {string} provider */
export function migrationsDir(provider) {
  return join(PROJECT_ROOT, 'prisma', 'migrations', provider);
}

/**
 * Replaces one `key = value` line inside the single block matching `header`; throws unless exactly one block and
 * one such line exist, so a reshaped source schema fails loudly instead of producing a wrong derived schema.
 * @param {string} source @param {RegExp} header @param {string} key @param {string} value @param {string} what
 */
function replaceInBlock(source, header, key, value, what) {
  const blocks = [...source.matchAll(new RegExp(`${header.source}\\s*\\{[^}]*\\}`, 'g'))];
  if (blocks.length !== 1)
    throw new Error(`prisma/schema.prisma: expected exactly one ${what} block, found ${blocks.length}`);
  const block = /** @type {RegExpMatchArray} */ (blocks[0]);
  const line = new RegExp(`^(\\s*${key}\\s*=\\s*).*$`, 'm');
  if (!line.test(block[0])) throw new Error(`prisma/schema.prisma: the ${what} block has no \`${key} = ...\` line`);
  const replaced = block[0].replace(line, `$1${value}`);
  const start = /** @type {number} */ (block.index);
  return source.slice(0, start) + replaced + source.slice(start + block[0].length);
}

/**
 * The schema text for one provider: datasource provider and generator output replaced, models untouched.
 * @param {string} source @param {'sqlite' | 'postgresql'} provider
 */
export function deriveProviderSchema(source, provider) {
  if (!PROVIDERS.includes(provider)) throw new Error(`unknown provider ${provider}`);
  // Prisma resolves `output` relative to the schema file, which lives in DERIVED_DIR/<provider>/.
  const output = relative(dirname(derivedSchemaPath(provider)), generatedClientDir(provider))
    .split('\\')
    .join('/');
  let schema = replaceInBlock(source, /datasource\s+\w+/, 'provider', JSON.stringify(provider), 'datasource');
  schema = replaceInBlock(schema, /generator\s+client/, 'output', JSON.stringify(output), 'generator client');
  const banner = `// GENERATED from prisma/schema.prisma by scripts/db/provider-schema.mjs for ${provider}. Do not edit.\n`;
  return banner + schema;
}

export function readSourceSchema() {
  return readFileSync(SOURCE_SCHEMA, 'utf8');
}

/** @param {string} text */
export function sha256(text) {
  return createHash('sha256').update(text).digest('hex');
}
