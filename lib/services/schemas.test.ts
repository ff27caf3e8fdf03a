import { describe, expect, it } from 'vitest';
import { createServiceSchema } from './schemas';
import { scopeLines, scopeProblem, scopesProblemFor, splitScopeLines } from './scope-lines';

describe('scopes', () => {
  it('accepts URI scopes and bare scopes', () => {
    for (const scope of [
      'offline_access',
      'openid',
      'Mail.Send',
      'https://outlook.office.com/SMTP.Send',
      'https://graph.microsoft.com/.default',
      'api://0f1e2d3c-0000-4000-8000-000000000000/access_as_user',
    ]) {
      expect(scopeProblem(scope), scope).toBeNull();
    }
  });

  it('refuses spaces, EWS, other schemes and resource-only URIs', () => {
    expect(scopeProblem('offline_access https://outlook.office.com/SMTP.Send')).toMatch(/own line/);
    expect(scopeProblem('https://outlook.office365.com/EWS.AccessAsUser.All')).toMatch(/retired in Exchange Online/);
    expect(scopeProblem('EWS.AccessAsUser.All')).toMatch(/retired/);
    expect(scopeProblem('https://outlook.office365.com/full_access_as_app')).toMatch(/retired/);
    expect(scopeProblem('ftp://x/y')).toMatch(/https:\/\/ or api:\/\//);
    expect(scopeProblem('https://graph.microsoft.com/')).toMatch(/resource and a permission/);
    expect(scopeProblem('https://graph.microsoft.com/Mail.Send?x=1')).toMatch(/resource and a permission/);
    expect(scopeProblem('Mail Send')).toMatch(/own line/);
    expect(scopeProblem('1bad')).toMatch(/is not a scope/);
  });

  it('reads one scope per line and writes them back the same way', () => {
    expect(splitScopeLines(' a \r\n\r\nb\n')).toEqual(['a', 'b']);
    expect(scopeLines('offline_access https://graph.microsoft.com/Mail.Send')).toBe(
      'offline_access\nhttps://graph.microsoft.com/Mail.Send',
    );
  });

  it('allows only /.default scopes with client credentials', () => {
    expect(scopesProblemFor('application', ['https://graph.microsoft.com/.default'])).toBeNull();
    expect(scopesProblemFor('application', ['offline_access'])).toMatch(/client credentials/);
    expect(scopesProblemFor('delegated', ['offline_access'])).toBeNull();
    const parsed = createServiceSchema.safeParse({
      name: 'X',
      authType: 'application',
      scopes: 'https://graph.microsoft.com/Mail.Send',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['scopes']);
  });
});
