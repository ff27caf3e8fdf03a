// What the fuzz tests send: every server action found in app/, every field name any form in app/ or components/
// posts, and the values an attacker types (long, empty, NUL, wrong type, oversized).
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

function filesUnder(dir: string, test: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full, test));
    else if (test(entry.name)) found.push(full);
  }
  return found;
}

/** `@/app/…` module paths of every file that declares server actions. */
export function actionModules(): string[] {
  return filesUnder(path.join(ROOT, 'app'), (name) => /\.(ts|tsx)$/.test(name))
    .filter((file) => /^['"]use server['"]/m.test(fs.readFileSync(file, 'utf8')))
    .map(
      (file) =>
        '@/' +
        path
          .relative(ROOT, file)
          .replace(/\\/g, '/')
          .replace(/\.tsx?$/, ''),
    );
}

/** Every `name="…"` a form posts. */
export function formFieldNames(): string[] {
  const names = new Set<string>(['id', 'name', 'email', 'password']);
  for (const file of [
    ...filesUnder(path.join(ROOT, 'app'), (n) => n.endsWith('.tsx')),
    ...filesUnder(path.join(ROOT, 'components'), (n) => n.endsWith('.tsx')),
  ]) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/\bname="([A-Za-z0-9_.-]+)"/g))
      if (match[1]) names.add(match[1]);
  }
  return [...names];
}

export const ONE_MEGABYTE = 'x'.repeat(1024 * 1024);

/** Text values for form fields. */
export const FIELD_VALUES: Record<string, string> = {
  empty: '',
  blank: '   ',
  long: ONE_MEGABYTE,
  nul: 'fuzz\u0000value',
  'only nul': '\u0000',
  'huge number': '99999999999999999999',
  negative: '-1',
  markup: '<img src=x onerror=alert(1)>',
  'lone surrogate': 'a\ud800b',
  'control characters': 'a\r\nb\tc\u0007',
};

/** Arguments for actions called by hand with plain values instead of a form. */
export const PLAIN_ARGUMENTS: Record<string, unknown[]> = {
  number: [123],
  null: [null],
  object: [{ id: 'x' }],
  array: [['a', 'b']],
  'long string': [ONE_MEGABYTE],
  'nul string': ['a\u0000b'],
  'state and a number': [{ status: 'idle' }, 42],
  'state and a plain object': [{ status: 'idle' }, { name: 'x' }],
  nothing: [],
};

/** What a thrown error means to Next: a redirect or a 404 are answers; anything else is a 500. */
export function isNextAnswer(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === 'string' &&
    (digest.startsWith('NEXT_REDIRECT') ||
      digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404') ||
      digest === 'NEXT_NOT_FOUND')
  );
}
