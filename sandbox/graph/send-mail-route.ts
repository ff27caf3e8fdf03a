import type { SandboxContext } from '../sandbox-context';
import type { UserRecord } from '../store/directory';
import { deliverParsed } from '../store/deliver-message';
import { parseMimeMessage } from '../store/parse-mime-message';
import { composeMime } from './compose-mime';
import type { GraphCall } from './graph-call';
import { graphErrors } from './graph-error';
import { composeFields, parseGraphMessage, toAddress } from './graph-message-input';

// POST /me/sendMail and /users/{id|upn}/sendMail: a JSON message, or a base64 MIME message
// (Content-Type: text/plain). Answers 202 with no body, as Graph does.

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Graph refuses to submit a message with no recipient or one that is not an SMTP address. */
export function checkRecipients(recipients: string[]): void {
  if (recipients.length === 0) throw graphErrors.noRecipients();
  const bad = recipients.find((r) => !ADDRESS.test(r));
  if (bad !== undefined) throw graphErrors.unresolvedRecipient(bad);
}

/** A sender other than the mailbox needs SendAs on that address (ErrorSendAsDenied otherwise). */
export function checkSendAs(
  context: SandboxContext,
  call: GraphCall,
  owner: UserRecord,
  fromAddress: string | undefined,
): void {
  if (!fromAddress || fromAddress === owner.address || fromAddress === owner.userPrincipalName) return;
  const actor = call.principal.kind === 'delegated' ? call.principal.user : owner;
  const fromUser = context.directory.findUser(call.principal.tenant, fromAddress);
  if (!fromUser || !context.directory.canSendAs(actor, fromUser)) throw graphErrors.sendAsDenied();
}

async function readMimeBody(call: GraphCall): Promise<Buffer> {
  const text = (await call.exchange.readBody()).toString('utf8').replace(/\s+/g, '');
  if (!text || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw graphErrors.invalidMimeBase64();
  return Buffer.from(text, 'base64');
}

export async function sendMail(call: GraphCall): Promise<void> {
  const { context } = call;
  const { owner } = call.mailbox('send');
  if ((call.exchange.header('content-type') ?? '').toLowerCase().startsWith('text/plain')) {
    const content = await parseMimeMessage(await readMimeBody(call));
    const recipients = [...content.toRecipients, ...content.ccRecipients, ...content.bccRecipients].map(
      (a) => a.address,
    );
    checkRecipients(recipients);
    checkSendAs(context, call, owner, content.from?.address);
    deliverParsed(context, content, { recipients, senderMailbox: owner.address });
  } else {
    const body = await call.body();
    if (body.message === undefined) throw graphErrors.invalidRequest("The parameter 'message' is missing.");
    const message = parseGraphMessage(body.message);
    const fields = composeFields(message);
    const recipients = [...fields.toRecipients, ...fields.ccRecipients, ...fields.bccRecipients].map((a) => a.address);
    checkRecipients(recipients);
    const from = message.from ? toAddress(message.from) : { name: owner.displayName, address: owner.address };
    checkSendAs(context, call, owner, from.address);
    const content = await parseMimeMessage(await composeMime({ ...fields, from }));
    const saveToSentItems = body.saveToSentItems !== false && body.saveToSentItems !== 'false';
    deliverParsed(
      context,
      { ...content, bccRecipients: fields.bccRecipients },
      { recipients, senderMailbox: owner.address, saveToSentItems },
    );
  }
  context.counters.increment('graph:sendMail');
  call.empty(202);
}
