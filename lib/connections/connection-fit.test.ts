import { describe, expect, it } from 'vitest';
import { type ConnectionFacts, connectionFit } from './connection-fit';

const delegated = (grantedScopes: string[], state = 'authenticated'): ConnectionFacts => ({
  name: 'C',
  authType: 'delegated',
  state,
  lastError: null,
  grantedScopes,
  requestedScopes: grantedScopes,
  appRoles: null,
});
const application = (
  appRoles: ConnectionFacts['appRoles'],
  requestedScopes = ['https://graph.microsoft.com/.default'],
): ConnectionFacts => ({
  name: 'A',
  authType: 'application',
  state: 'authenticated',
  lastError: null,
  grantedScopes: [],
  requestedScopes,
  appRoles,
});

describe('connectionFit: lists offer only what can work', () => {
  it('judges delegated connections by the granted scopes', () => {
    const graphSend = delegated(['https://graph.microsoft.com/Mail.Send', 'openid']);
    expect(connectionFit('graph-send', graphSend)).toEqual({ usable: true, warning: null });
    expect(connectionFit('smtp-send', graphSend)).toMatchObject({
      usable: false,
      reason: expect.stringMatching(/SMTP\.Send/),
    });
    // The robot's first poll failed on a Graph API connection with only Mail.Send: it is not offered.
    expect(connectionFit('robot', graphSend)).toMatchObject({
      usable: false,
      reason: expect.stringMatching(/Mail\.ReadWrite/),
    });
    expect(connectionFit('robot', delegated(['Mail.ReadWrite.Shared']))).toMatchObject({ usable: true });
    expect(connectionFit('smtp-send', delegated(['https://outlook.office.com/SMTP.Send']))).toMatchObject({
      usable: true,
    });
    // The Graph send path is not offered an Exchange connection.
    expect(connectionFit('graph-send', delegated(['https://outlook.office.com/SMTP.Send']))).toMatchObject({
      usable: false,
    });
  });

  it('refuses delegated connections nobody signed in to, or that need re-authentication', () => {
    expect(connectionFit('graph-send', delegated([], 'not_authenticated'))).toMatchObject({
      usable: false,
      reason: expect.stringMatching(/nobody has signed in/),
    });
    expect(connectionFit('graph-send', delegated(['Mail.Send'], 'needs_reauth'))).toMatchObject({
      usable: false,
      reason: expect.stringMatching(/re-authentication/),
    });
  });

  it('judges application connections by the roles in the last token, and only warns', () => {
    expect(connectionFit('graph-send', application(null))).toEqual({
      usable: true,
      warning: expect.stringMatching(/not verified yet/),
    });
    expect(connectionFit('graph-send', application({ 'https://graph.microsoft.com': ['Mail.Send'] }))).toEqual({
      usable: true,
      warning: null,
    });
    expect(connectionFit('robot', application({ 'https://graph.microsoft.com': ['Mail.Send'] }))).toEqual({
      usable: true,
      warning: 'Mail.ReadWrite is not in the token; it may be granted in Exchange (RBAC for Applications)',
    });
    expect(connectionFit('smtp-send', application({ 'https://graph.microsoft.com': ['Mail.Send'] }))).toMatchObject({
      usable: true,
      warning: expect.stringMatching(/SMTP\.SendAsApp not verified yet/),
    });
    expect(connectionFit('graph-send', application({}, ['https://outlook.office365.com/.default']))).toMatchObject({
      usable: false,
      reason: 'has no Microsoft Graph permission',
    });
  });
});
