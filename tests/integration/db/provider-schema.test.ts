// The per-provider schemas are the source schema with only the datasource provider and generator output replaced.
import { describe, expect, it } from 'vitest';
import { deriveProviderSchema, readSourceSchema } from '../../../scripts/db/provider-schema.mjs';

const modelsOf = (schema: string) => schema.slice(schema.indexOf('model '));

describe('deriveProviderSchema', () => {
  it('replaces the provider and the generator output, and nothing else', () => {
    const source = readSourceSchema();
    const postgres = deriveProviderSchema(source, 'postgresql');
    expect(postgres).toMatch(/datasource db \{\s*provider = "postgresql"\s*\}/);
    expect(postgres).toMatch(/output\s*= "..\/..\/..\/lib\/db\/generated\/postgresql"/);
    expect(deriveProviderSchema(source, 'sqlite')).toMatch(/output\s*= "..\/..\/..\/lib\/db\/generated\/sqlite"/);
    expect(modelsOf(postgres)).toBe(modelsOf(source));
  });

  it('fails loudly when the source no longer has the expected blocks', () => {
    expect(() => deriveProviderSchema('model A { id Int @id }', 'sqlite')).toThrow(/datasource/);
    const twoDatasources = 'datasource a {\n provider = "sqlite"\n}\ndatasource b {\n provider = "sqlite"\n}\n';
    expect(() => deriveProviderSchema(twoDatasources, 'sqlite')).toThrow(/exactly one datasource/);
  });
});
