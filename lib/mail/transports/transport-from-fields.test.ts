import { describe, expect, it } from 'vitest';
import { emailTransportSchema, publicEmailTransportSchema } from './email-transport';
import type { TransportFields } from './transport-fields';
import { transportFromFields } from './transport-from-fields';
import { transportDefinition } from './transport-kinds';

const BLANK: TransportFields = {
  connectionType: 'smtp',
  smtpServer: '',
  useSsl: false,
  implicitTls: false,
  smtpAuth: 'none',
  username: '',
  password: '',
  mailboxAddress: '',
  connectionId: '',
};

describe('the one normaliser', () => {
  it('keeps only the chosen kind’s fields, and TLS from the first byte only with Use SSL', () => {
    const typed = {
      ...BLANK,
      smtpServer: 'SMTP.Contoso.com:587',
      implicitTls: true,
      smtpAuth: 'basic',
      username: 'relay',
      password: 'pw',
      mailboxAddress: 'a@contoso.com',
      connectionId: 'c1',
    } as const;
    expect(transportFromFields(typed)).toEqual({
      kind: 'smtp',
      smtpServer: 'smtp.contoso.com:587',
      useSsl: false,
      implicitTls: false,
      auth: { kind: 'basic', username: 'relay', password: 'pw' },
    });
    expect(transportFromFields({ ...typed, connectionType: 'graph' })).toEqual({
      kind: 'graph',
      connectionId: 'c1',
      mailboxAddress: 'a@contoso.com',
    });
    expect(transportFromFields({ ...typed, smtpAuth: 'oauth' })).toMatchObject({
      auth: { kind: 'oauth', connectionId: 'c1', mailboxAddress: 'a@contoso.com' },
    });
  });

  it('reads back what it wrote, every kind, and the public shape holds no secret', () => {
    const all: TransportFields[] = [
      { ...BLANK, smtpServer: 'relay.contoso.com:25', smtpAuth: 'none' },
      {
        ...BLANK,
        smtpServer: 'mail.contoso.com:465',
        useSsl: true,
        smtpAuth: 'basic',
        username: 'relay',
        password: 'secret-value',
      },
      {
        ...BLANK,
        smtpServer: 'smtp.office365.com:587',
        useSsl: true,
        smtpAuth: 'oauth',
        mailboxAddress: 'a@contoso.com',
        connectionId: 'c1',
      },
      { ...BLANK, connectionType: 'graph', mailboxAddress: 'a@contoso.com', connectionId: 'c2' },
    ];
    for (const typed of all) {
      const transport = emailTransportSchema.parse(transportFromFields(typed));
      const definition = transportDefinition(transport);
      const shown = publicEmailTransportSchema.parse(definition.redact(transport));
      expect(JSON.stringify(shown)).not.toContain('secret-value');
      const again = transportFromFields({
        ...BLANK,
        connectionType: transport.kind,
        ...definition.toFields(shown),
        password: definition.secret(transport) ?? '',
      });
      expect(again).toEqual(transport);
    }
  });
});
