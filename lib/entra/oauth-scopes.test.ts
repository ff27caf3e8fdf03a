import { describe, expect, it } from 'vitest';
import {
  missingScopes,
  resourceOf,
  resourcesOf,
  scopesForResource,
  serviceScopesOf,
  signInScopes,
  splitScopes,
} from './oauth-scopes';

describe('oauth scopes', () => {
  const scopes = splitScopes(
    'offline_access https://outlook.office.com/SMTP.Send  https://graph.microsoft.com/Mail.Send',
  );

  it('groups scopes by resource', () => {
    expect(resourceOf('offline_access')).toBeNull();
    expect(resourcesOf(scopes)).toEqual(['https://outlook.office.com', 'https://graph.microsoft.com']);
    expect(scopesForResource(scopes, 'https://graph.microsoft.com')).toEqual(['https://graph.microsoft.com/Mail.Send']);
  });

  it('always signs in with the OpenID scopes, once each', () => {
    expect(signInScopes(scopes)).toEqual([
      'openid',
      'profile',
      'offline_access',
      'https://outlook.office.com/SMTP.Send',
      'https://graph.microsoft.com/Mail.Send',
    ]);
  });

  it('flags requested scopes that were not granted, ignoring case and the OpenID ones', () => {
    expect(missingScopes(scopes, ['https://outlook.office.com/smtp.send'])).toEqual([
      'https://graph.microsoft.com/Mail.Send',
    ]);
  });

  it('asks for the scopes of the capabilities that are not optional, once each', () => {
    expect(
      serviceScopesOf([
        { scopes: 'offline_access https://outlook.office.com/SMTP.Send', optional: false },
        { scopes: 'https://outlook.office.com/IMAP.AccessAsUser.All', optional: true },
        { scopes: 'offline_access', optional: false },
      ]),
    ).toEqual(['offline_access', 'https://outlook.office.com/SMTP.Send']);
  });
});
