import { describe, expect, it } from 'vitest';
import { aadstsCodeOf, explainAadsts } from './aadsts-explanations';

describe('explainAadsts', () => {
  it("finds the code in Microsoft's description", () => {
    expect(aadstsCodeOf('AADSTS7000215: Invalid client secret provided. Ensure the secret being sent…')).toBe(
      'AADSTS7000215',
    );
    expect(explainAadsts('invalid_client', 'AADSTS7000215: Invalid client secret provided.')?.fix).toMatch(
      /Value \(not the Secret ID\)/,
    );
  });

  it('falls back to the OAuth error when there is no code', () => {
    expect(explainAadsts('access_denied', 'the user cancelled')?.meaning).toMatch(/cancelled|declined/);
  });

  it('still names an unknown code', () => {
    expect(explainAadsts('invalid_request', 'AADSTS123456: something new')).toMatchObject({ code: 'AADSTS123456' });
  });

  it('returns null when there is nothing to explain', () => {
    expect(explainAadsts(null, null)).toBeNull();
  });
});
