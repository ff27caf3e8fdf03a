import { describe, expect, it } from 'vitest';
import { exchangeSetupCommands, SERVICE_PRINCIPAL_PLACEHOLDER } from './exchange-setup-commands';
import { powershellQuote } from './powershell-quote';

const APP_ID = '3c9a4f1e-7b2d-4e85-a6c0-9d1f2e8b5a47';
const OID = '8a2f4c1d-93b7-4e6a-b5d0-2c7e9f13a604';
const QUOTES = /['\u2018\u2019\u201A\u201B]/;

/**
 * Reads one PowerShell single-quoted string starting at `start` the way PowerShell's tokenizer does (any of the four
 * single-quote characters opens and closes it; two in a row are one literal quote) and returns its value and where
 * it ended: a value that escaped its quotes shows up as a different value or as text after the string.
 */
function readQuoted(text: string, start: number): { value: string; end: number } {
  if (!QUOTES.test(text[start] ?? '')) throw new Error(`no quote at ${start}: ${text.slice(start)}`);
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (QUOTES.test(c)) {
      if (QUOTES.test(text[i + 1] ?? '')) {
        value += c;
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += c;
    i += 1;
  }
  throw new Error('unterminated string');
}

/** The value of a parameter in a command line, and the rest of the line after it. */
function parameter(line: string, name: string): { value: string; rest: string } {
  const at = line.indexOf(`-${name} `);
  if (at < 0) throw new Error(`no -${name} in ${line}`);
  const { value, end } = readQuoted(line, at + name.length + 2);
  return { value, rest: line.slice(end) };
}

const HOSTILE = [
  "o'brien@contoso.com",
  "x'; Remove-Mailbox -Identity ceo@contoso.com -Confirm:$false; '",
  'x\u2019; Remove-Mailbox ceo@contoso.com; \u2018',
  "a''b@contoso.com",
  '$(Get-Process)@contoso.com',
  '`whoami`@contoso.com',
  "line\n'; evil",
];

describe('powershellQuote', () => {
  it('round-trips every value through PowerShell’s single-quoted string rules', () => {
    for (const value of [...HOSTILE, '', 'adele@contoso.onmicrosoft.com']) {
      const quoted = powershellQuote(value);
      const read = readQuoted(quoted, 0);
      expect(read.end).toBe(quoted.length);
      expect(read.value).toBe(value.replace(/[\r\n]+/g, ' '));
    }
  });

  it('keeps $ and backticks literal (single quotes expand nothing) and never spans lines', () => {
    expect(powershellQuote('$env:USERNAME`n')).toBe("'$env:USERNAME`n'");
    expect(powershellQuote("a\r\nb'c")).toBe("'a b''c'");
  });
});

describe('exchangeSetupCommands', () => {
  it('delegated SMTP: Set-CASMailbox for the mailbox', () => {
    const setup = exchangeSetupCommands({
      kind: 'delegated-smtp',
      mailbox: 'adele@contoso.onmicrosoft.com',
      appId: APP_ID,
      servicePrincipalId: null,
      displayName: 'Contoso',
    });
    const commands = setup.steps.map((s) => s.command).join('\n');
    expect(commands).toContain(
      "Set-CASMailbox -Identity 'adele@contoso.onmicrosoft.com' -SmtpClientAuthenticationDisabled $false",
    );
    expect(commands).not.toContain('New-ServicePrincipal');
    expect(setup.missing).toEqual([]);
  });

  it('app-only SMTP: New-ServicePrincipal with the app id and object id, Add-MailboxPermission for the mailbox', () => {
    const setup = exchangeSetupCommands({
      kind: 'app-only-smtp',
      mailbox: 'support@contoso.onmicrosoft.com',
      appId: APP_ID,
      servicePrincipalId: OID,
      displayName: 'Contoso (sandbox)',
    });
    const lines = setup.steps.flatMap((s) => s.command.split('\n'));
    const sp = lines.find((l) => l.startsWith('New-ServicePrincipal ')) ?? '';
    expect(parameter(sp, 'AppId').value).toBe(APP_ID);
    expect(parameter(sp, 'ObjectId').value).toBe(OID);
    expect(parameter(sp, 'DisplayName')).toEqual({ value: 'Contoso (sandbox)', rest: '' });
    const permission = lines.find((l) => l.startsWith('Add-MailboxPermission ')) ?? '';
    expect(parameter(permission, 'Identity').value).toBe('support@contoso.onmicrosoft.com');
    expect(parameter(permission, 'User')).toEqual({ value: OID, rest: ' -AccessRights FullAccess' });
    expect(setup.missing).toEqual([]);
  });

  it('app-only without the object id: a placeholder that will not run, and the id is asked for', () => {
    const setup = exchangeSetupCommands({
      kind: 'app-only-smtp',
      mailbox: 'support@contoso.onmicrosoft.com',
      appId: APP_ID,
      servicePrincipalId: null,
      displayName: 'Contoso',
    });
    expect(setup.missing).toEqual(['servicePrincipalId']);
    expect(setup.steps.map((s) => s.command).join('\n')).toContain(`-ObjectId ${SERVICE_PRINCIPAL_PLACEHOLDER}`);
  });

  it('app-only Graph: RBAC for Applications with a management scope and the chosen roles, and the Entra note', () => {
    const setup = exchangeSetupCommands({
      kind: 'app-only-graph',
      mailbox: 'robot@contoso.com',
      appId: APP_ID,
      servicePrincipalId: OID,
      displayName: 'Contoso',
      roles: ['Application Mail.Send', 'Application Mail.ReadWrite'],
    });
    const lines = setup.steps.flatMap((s) => s.command.split('\n'));
    const scope = lines.find((l) => l.startsWith('New-ManagementScope ')) ?? '';
    expect(parameter(scope, 'Name').value).toBe('Contoso mailboxes');
    expect(parameter(scope, 'RecipientRestrictionFilter')).toEqual({
      value: "PrimarySmtpAddress -eq 'robot@contoso.com'",
      rest: '',
    });
    const assignments = lines.filter((l) => l.startsWith('New-ManagementRoleAssignment '));
    expect(assignments.map((l) => parameter(l, 'Role').value)).toEqual([
      'Application Mail.Send',
      'Application Mail.ReadWrite',
    ]);
    for (const line of assignments) {
      expect(parameter(line, 'App').value).toBe(OID);
      expect(parameter(line, 'CustomResourceScope')).toEqual({ value: 'Contoso mailboxes', rest: '' });
    }
    expect(lines.some((l) => l.startsWith('Test-ServicePrincipalAuthorization '))).toBe(true);
    expect(setup.notes.join(' ')).toMatch(/Application Access Policies/);
    expect(setup.notes.join(' ')).toMatch(/only takes effect once the tenant-wide Entra application permission/);
  });

  it('a hostile mailbox or name stays inside its string in every command', () => {
    for (const hostile of HOSTILE) {
      for (const kind of ['delegated-smtp', 'app-only-smtp', 'app-only-graph'] as const) {
        const setup = exchangeSetupCommands({
          kind,
          mailbox: hostile,
          appId: APP_ID,
          servicePrincipalId: OID,
          displayName: hostile,
        });
        const lines = setup.steps.flatMap((s) => s.command.split('\n'));
        expect(lines.some((l) => /Remove-Mailbox/.test(l) && !l.includes("'"))).toBe(false);
        for (const line of lines) {
          if (line.startsWith('Set-CASMailbox ') || line.startsWith('Get-CASMailbox '))
            expect(parameter(line, 'Identity').value).toBe(hostile.replace(/[\r\n]+/g, ' '));
          if (line.startsWith('Add-MailboxPermission ')) {
            expect(parameter(line, 'Identity')).toMatchObject({ value: hostile.replace(/[\r\n]+/g, ' ') });
          }
          if (line.startsWith('New-ServicePrincipal '))
            expect(parameter(line, 'DisplayName')).toEqual({ value: hostile.replace(/[\r\n]+/g, ' '), rest: '' });
          if (line.startsWith('New-ManagementScope ')) {
            const filter = parameter(line, 'RecipientRestrictionFilter');
            expect(filter.rest).toBe('');
            // Inside OPATH too the address is one quoted literal.
            const opath = readQuoted(filter.value, filter.value.indexOf("'"));
            expect(opath.value).toBe(hostile.replace(/[\r\n]+/g, ' '));
            expect(opath.end).toBe(filter.value.length);
          }
          if (line.startsWith('Test-ServicePrincipalAuthorization '))
            expect(parameter(line, 'Resource')).toEqual({ value: hostile.replace(/[\r\n]+/g, ' '), rest: '' });
        }
      }
    }
  });
});
