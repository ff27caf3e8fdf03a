import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { latestSecretExpiry } from './latest-secret-expiry';
import { pendingSecretSchema } from './rotation-schemas';

// The new secret of a Rotate credential: Microsoft lets a client secret last at most two years, so a later expiry is
// a typo or a secret that does not exist; the field says so, and suggests shorter.

const SECRET = 'Sbx8Q~a-new-client-secret-value-for-tests';

describe('the new client secret of a rotation', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-05T13:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  const parse = (expiresOn: string, clientSecret = SECRET) =>
    pendingSecretSchema.safeParse({ id: 't1', clientSecret, expiresOn });
  const errorOf = (result: ReturnType<typeof parse>, field: string) =>
    result.success ? undefined : result.error.issues.find((issue) => issue.path[0] === field)?.message;

  it('accepts up to exactly two years ahead, and refuses the day after with the cap and the advice', () => {
    expect(latestSecretExpiry()).toBe('2028-12-05');
    const latest = parse('2028-12-05');
    expect(latest.success && latest.data.expiresOn.toISOString()).toBe('2028-12-05T00:00:00.000Z');
    expect(errorOf(parse('2028-12-06'), 'expiresOn')).toBe(
      'Microsoft caps a new client secret at two years (until 2028-12-05). Choose an earlier date; Microsoft advises shorter, such as 6 or 12 months',
    );
  });

  it('asks for a date in the future, in YYYY-MM-DD, and for the Value', () => {
    expect(errorOf(parse('2026-12-05'), 'expiresOn')).toMatch(/not in the future/);
    expect(errorOf(parse('2027-02-30'), 'expiresOn')).toBe('Enter a date as YYYY-MM-DD');
    expect(errorOf(parse(''), 'expiresOn')).toMatch(/Enter the date the new secret expires/);
    expect(errorOf(parse('2027-06-01', ''), 'clientSecret')).toMatch(/new client secret’s Value/);
    expect(errorOf(parse('2027-06-01', '8a1c2d3e-0000-4000-8000-000000000000'), 'clientSecret')).toMatch(/secret’s ID/);
  });
});
