import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('applies the embedded defaults', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.SWITCHBOARD_DATA_DIR).toMatch(/\/data$/);
    expect(env.SWITCHBOARD_TRUST_PROXY).toBe(false);
    expect(env.SWITCHBOARD_SESSION_HOURS).toBe(12);
  });

  it('reads the SMTP relay listener settings, with defaults', () => {
    expect(parseEnv({})).toMatchObject({
      SWITCHBOARD_RELAY_HOST: '0.0.0.0',
      SWITCHBOARD_RELAY_PORT: 2525,
      SWITCHBOARD_RELAY_TRUSTED_PROXIES: [],
      SWITCHBOARD_RELAY_LEGACY_TLS: [],
    });
    expect(parseEnv({}).SWITCHBOARD_RELAY_TLS_PORT).toBeUndefined();
    expect(
      parseEnv({ SWITCHBOARD_RELAY_TRUSTED_PROXIES: '10.0.0.5, fd00::1', SWITCHBOARD_RELAY_LEGACY_TLS: 'starttls' }),
    ).toMatchObject({
      SWITCHBOARD_RELAY_TRUSTED_PROXIES: ['10.0.0.5', 'fd00::1'],
      SWITCHBOARD_RELAY_LEGACY_TLS: ['starttls'],
    });
    expect(() => parseEnv({ SWITCHBOARD_RELAY_TRUSTED_PROXIES: '10.0.0.0/8' })).toThrow(
      /SWITCHBOARD_RELAY_TRUSTED_PROXIES/,
    );
    expect(() => parseEnv({ SWITCHBOARD_RELAY_LEGACY_TLS: 'yes' })).toThrow(/SWITCHBOARD_RELAY_LEGACY_TLS/);
  });

  it('names each wrong variable', () => {
    expect(() => parseEnv({ PORT: 'eighty', SWITCHBOARD_PUBLIC_URL: 'ftp://x' })).toThrow(
      /PORT[\s\S]*SWITCHBOARD_PUBLIC_URL/,
    );
  });

  it('requires the bootstrap administrator email and password together', () => {
    expect(() => parseEnv({ SWITCHBOARD_ADMIN_EMAIL: 'a@example.com' })).toThrow(/must be set together/);
  });

  it('strips a trailing slash from the public URL', () => {
    expect(parseEnv({ SWITCHBOARD_PUBLIC_URL: 'https://sb.example.com/' }).SWITCHBOARD_PUBLIC_URL).toBe(
      'https://sb.example.com',
    );
  });
});

describe('SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS', () => {
  it('is empty by default and parsed into networks when set', () => {
    expect(parseEnv({}).SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS).toEqual([]);
    expect(
      parseEnv({
        SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8, 10.1.0.0/16',
      }).SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS.map((n) => n.cidr),
    ).toEqual(['127.0.0.0/8', '10.1.0.0/16']);
  });

  it('names the variable and the bad value', () => {
    expect(() => parseEnv({ SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS: '10.0.0.0/8,intranet' })).toThrow(
      /SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS: "intranet" is not a network/,
    );
  });
});
