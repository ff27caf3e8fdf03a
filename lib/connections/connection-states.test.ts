import { describe, expect, it } from 'vitest';
import { connectionStateLabel } from './connection-states';

describe('connectionStateLabel', () => {
  const now = new Date('2026-12-04T15:00:00Z');

  it('a delegated connection names its signed-in account', () => {
    expect(connectionStateLabel('authenticated', 'adele@contoso.com')).toBe('Authenticated as adele@contoso.com');
    expect(connectionStateLabel('not_authenticated')).toBe('Not authenticated');
  });

  it('a client-credentials connection says whether a token was verified, never "Not authenticated"', () => {
    expect(connectionStateLabel('not_authenticated', null, { verifiedAt: null }, now)).toBe('Not verified yet');
    expect(connectionStateLabel('authenticated', null, { verifiedAt: new Date('2026-12-04T14:02:31Z') }, now)).toBe(
      'Application · token verified 14:02 UTC',
    );
    expect(connectionStateLabel('authenticated', null, { verifiedAt: '2026-11-30T08:15:00.000Z' }, now)).toBe(
      'Application · token verified 2026-11-30 08:15 UTC',
    );
    expect(connectionStateLabel('error', null, { verifiedAt: null }, now)).toBe('Error');
  });
});
