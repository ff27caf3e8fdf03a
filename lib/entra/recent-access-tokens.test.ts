import { describe, expect, it } from 'vitest';
import { forgetAccessTokens, recentAccessToken, rememberAccessToken } from './recent-access-tokens';

describe('recent access tokens', () => {
  const now = 1_000_000_000;
  const inAnHour = new Date(now + 3600_000);

  it('reuses a token for a minute, per connection and resource', () => {
    rememberAccessToken('c1', 'https://graph.microsoft.com', 'token-a', inAnHour, now);
    expect(recentAccessToken('c1', 'https://graph.microsoft.com', now + 59_000)).toBe('token-a');
    expect(recentAccessToken('c1', 'https://graph.microsoft.com', now + 61_000)).toBeUndefined();
    expect(recentAccessToken('c1', 'https://outlook.office.com', now)).toBeUndefined();
    expect(recentAccessToken('c2', 'https://graph.microsoft.com', now)).toBeUndefined();
  });

  it('never hands out a token within five minutes of its expiry', () => {
    rememberAccessToken('c3', undefined, 'short', new Date(now + 4 * 60_000), now);
    expect(recentAccessToken('c3', undefined, now)).toBeUndefined();
    rememberAccessToken('c3', undefined, 'closing', new Date(now + 5 * 60_000 + 10_000), now);
    expect(recentAccessToken('c3', undefined, now + 9_000)).toBe('closing');
    expect(recentAccessToken('c3', undefined, now + 11_000)).toBeUndefined();
  });

  it('forgets every resource of a connection at once', () => {
    rememberAccessToken('c4', 'a', 'x', inAnHour, now);
    rememberAccessToken('c4', 'b', 'y', inAnHour, now);
    rememberAccessToken('c5', 'a', 'z', inAnHour, now);
    forgetAccessTokens('c4');
    expect(recentAccessToken('c4', 'a', now)).toBeUndefined();
    expect(recentAccessToken('c4', 'b', now)).toBeUndefined();
    expect(recentAccessToken('c5', 'a', now)).toBe('z');
  });
});
