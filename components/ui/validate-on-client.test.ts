import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateOnClient } from './validate-on-client';

const schema = z.object({ name: z.string().min(1, 'Enter a name'), clientSecret: z.string().min(1, 'Enter a secret') });

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

describe('validateOnClient', () => {
  it('loads the schema and puts each problem at its field, without echoing secrets', async () => {
    const state = await validateOnClient(() => Promise.resolve(schema), form({ name: '', clientSecret: 's3cret' }));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { name: 'Enter a name' }, values: { name: '' } });
    expect(JSON.stringify(state)).not.toContain('s3cret');
  });

  it('accepts what the schema accepts', async () => {
    expect(await validateOnClient(() => Promise.resolve(schema), form({ name: 'a', clientSecret: 'b' }))).toBeNull();
  });

  it('leaves the check to the server when the schema cannot be loaded', async () => {
    const load = () => Promise.reject(new Error('Failed to fetch dynamically imported module'));
    expect(await validateOnClient(load, form({ name: '' }))).toBeNull();
  });
});
