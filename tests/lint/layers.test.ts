import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layers of ARCHITECTURE.md as lint enforces them: ESLint's API lints fixtures kept outside the linted tree as if
// they stood in lib/, so `npm test` stays green while the rule is shown to fail a crossing import.

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => fs.readFileSync(path.join(root, 'tests/fixtures/layers', name), 'utf8');

async function lintAs(filePath: string, code: string) {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result?.messages.map((m) => ({ rule: m.ruleId, message: m.message })) ?? [];
}

describe('layers (eslint import/no-restricted-paths)', () => {
  it('refuses an import from a layer above', async () => {
    const messages = await lintAs('lib/crypto/layers-fixture.ts', fixture('crypto-imports-robot.ts'));
    expect(messages).toEqual([
      { rule: 'import/no-restricted-paths', message: expect.stringContaining('lib/crypto is in the foundation layer') },
    ]);
  });

  it('accepts an import from the same layer, in the same place', async () => {
    expect(await lintAs('lib/crypto/layers-fixture.ts', fixture('crypto-imports-db.ts'))).toEqual([]);
  });

  it('refuses an import between two features', async () => {
    const messages = await lintAs('lib/mail/layers-fixture.ts', fixture('mail-imports-robot.ts'));
    expect(messages).toEqual([
      { rule: 'import/no-restricted-paths', message: expect.stringContaining('lib/mail is a feature') },
    ]);
  });

  it('accepts the same import from the layer above the features', async () => {
    expect(await lintAs('lib/composition/layers-fixture.ts', fixture('mail-imports-robot.ts'))).toEqual([]);
  });

  it('keeps the fixtures outside the linted tree', async () => {
    const eslint = new ESLint({ cwd: root });
    expect(await eslint.isPathIgnored(path.join(root, 'tests/fixtures/layers/crypto-imports-robot.ts'))).toBe(true);
  });

  it('puts every folder of lib/ in a layer', async () => {
    const config = (await new ESLint({ cwd: root }).calculateConfigForFile(path.join(root, 'lib/env.ts'))) as {
      rules: Record<string, [unknown, { zones: { target: string | string[] }[] }]>;
    };
    const targets = new Set(config.rules['import/no-restricted-paths']?.[1].zones.flatMap((zone) => zone.target));
    const entries = fs
      .readdirSync(path.join(root, 'lib'), { withFileTypes: true })
      .filter((e) => e.isDirectory() || (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')))
      .map((e) => (e.isDirectory() ? `lib/${e.name}/**` : `lib/${e.name}`));
    expect(entries.filter((entry) => !targets.has(entry))).toEqual([]);
  });
});
