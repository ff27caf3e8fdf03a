import { z } from 'zod';
import { parseAllowedNetworks } from '@/lib/net/allowed-networks';
import { parseAllowedSenders } from '@/lib/mail/settings/allowed-senders';
import { isEmailAddress } from '@/lib/mail/settings/email-settings-schema';

// A relay client as the console's form and the domain step both read it. Universal (the browser validates with it).

const text = z.string().trim();

const relayClientObject = z.object({
  name: text.min(1, 'Enter a name').max(100, 'Use at most 100 characters'),
  authMode: z.enum(['password', 'network'], { message: 'Choose how the client authenticates' }),
  username: text.max(100, 'Use at most 100 characters').default(''),
  networks: z.string().default(''),
  allowedSenders: z.string().default(''),
  maxMessageMb: z.coerce
    .number({ message: 'Enter a number of MB' })
    .int('Enter a whole number of MB')
    .min(1, 'At least 1 MB')
    .max(150, 'At most 150 MB (Exchange’s largest)')
    .default(35),
  ratePerMinute: z.coerce
    .number({ message: 'Enter a number' })
    .int('Enter a whole number')
    .min(1, 'At least 1')
    .max(10_000, 'At most 10000')
    .default(30),
  /** Its messages' Graph fall-back when SMTP AUTH is refused (535 5.7.139); '': the Emails settings' one. */
  graphFallbackConnectionId: text.max(100).default(''),
  /** The connection its messages are sent through; '': as in the Emails settings. */
  connectionId: text.max(100).default(''),
  /** The mailbox it sends as through `connectionId` ('' with a delegated connection: the signed-in account). */
  mailboxAddress: text
    .max(254, 'Use at most 254 characters')
    .default('')
    .transform((v) => v.toLowerCase()),
  enabled: z
    .union([z.literal('on'), z.literal(''), z.boolean()])
    .optional()
    .transform((v) => v === 'on' || v === true),
});

type Fields = z.output<typeof relayClientObject>;

const checkRelayClient = (v: Fields, ctx: z.RefinementCtx) => {
  if (v.connectionId && v.mailboxAddress && !isEmailAddress(v.mailboxAddress))
    ctx.addIssue({
      code: 'custom',
      path: ['mailboxAddress'],
      message: 'Enter an email address, e.g. scanner@contoso.com',
    });
  if (v.authMode === 'password' && !/^[a-z0-9._@-]{3,100}$/i.test(v.username))
    ctx.addIssue({
      code: 'custom',
      path: ['username'],
      message: 'Enter a username of 3 or more letters, digits, dots, dashes, underscores or @',
    });
  if (v.authMode === 'network') {
    const networks = parseAllowedNetworks(v.networks.split(/[\s,;]+/).join(','));
    if (!networks.ok) ctx.addIssue({ code: 'custom', path: ['networks'], message: networks.error });
    else if (networks.networks.length === 0)
      ctx.addIssue({ code: 'custom', path: ['networks'], message: 'List the networks the device sends from' });
  }
  const senders = parseAllowedSenders(v.allowedSenders);
  if (!senders.ok) ctx.addIssue({ code: 'custom', path: ['allowedSenders'], message: senders.message });
  else if (senders.entries.length === 0)
    ctx.addIssue({ code: 'custom', path: ['allowedSenders'], message: 'List at least one address or @domain' });
};

export const relayClientSchema = relayClientObject.superRefine(checkRelayClient);

/** The edit form: the same fields and rules, and which client. */
export const relayClientUpdateSchema = relayClientObject
  .extend({ id: z.string().min(1) })
  .superRefine(checkRelayClient);

export type RelayClientInput = z.input<typeof relayClientSchema>;
export type RelayClientFields = z.output<typeof relayClientSchema>;
