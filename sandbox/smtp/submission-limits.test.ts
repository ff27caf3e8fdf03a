import { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signInUser } from '../testing/sign-in-user';
import { startTestSandbox, type TestSandbox } from '../testing/start-test-sandbox';

// Exchange's per-mailbox SMTP AUTH limits: a fourth connection submitting at the same time gets 432 4.3.2, and
// messages beyond the rate are accepted and delivered later (carried over), each counted for the test to read back.

const ADELE = 'adele@contoso.onmicrosoft.com';
const MEGAN = 'megan@contoso.onmicrosoft.com';

let sandbox: TestSandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  token = (
    await signInUser(sandbox, {
      username: ADELE,
      password: 'Sandbox-Adele-1',
      scopes: ['https://outlook.office.com/SMTP.Send'],
    })
  ).result.accessToken;
});
afterAll(() => sandbox.close());
afterEach(() => {
  sandbox.control.updateSettings({ smtpConcurrentSubmissionsPerMailbox: undefined, smtpMessagesPerWindow: undefined });
  sandbox.control.resetCounters();
});

const connection = () =>
  nodemailer.createTransport({
    host: sandbox.info.smtp.host,
    port: sandbox.info.smtp.port,
    requireTLS: true,
    tls: { ca: sandbox.caPem },
    auth: { type: 'OAuth2', user: ADELE, accessToken: token },
  });

/** A body that is only finished when `finish` is called; `reading` settles once the server is in DATA. */
function heldBody() {
  let started: () => void = () => undefined;
  const reading = new Promise<void>((resolve) => (started = resolve));
  const stream = new Readable({ read: () => started() });
  stream.push('held open\r\n');
  return { stream, reading, finish: () => stream.push(null) };
}

const send = (subject: string, text: string | Readable = 'x') =>
  connection().sendMail({ from: ADELE, to: MEGAN, subject, text });

describe('Exchange SMTP AUTH limits per mailbox', () => {
  it('answers a fourth connection submitting at the same time with 432 4.3.2, as Exchange words it', async () => {
    sandbox.control.updateSettings({ smtpConcurrentSubmissionsPerMailbox: 3 });
    const held = [heldBody(), heldBody(), heldBody()];
    const sending = held.map((body, i) => send(`held ${i}`, body.stream));
    await Promise.all(held.map((body) => body.reading));

    const fourth = await send('fourth').then(
      () => null,
      (error: { responseCode?: number; response?: string }) => error,
    );
    expect(fourth?.responseCode).toBe(432);
    expect(fourth?.response).toMatch(
      /^432 4\.3\.2 Concurrent connections limit exceeded\. Visit https:\/\/aka\.ms\/concurrent_sending for more information\. \[Hostname=/,
    );

    for (const body of held) body.finish();
    await Promise.all(sending);
    // A connection that is done submitting no longer counts.
    await send('after the three');
    expect(sandbox.control.counters()['smtp:concurrencyRefused']).toBe(1);
    expect(
      sandbox.control
        .readMailbox(MEGAN)
        .map((m) => m.subject)
        .filter((s) => s.startsWith('held') || s === 'after the three')
        .sort(),
    ).toEqual(['after the three', 'held 0', 'held 1', 'held 2']);
  });

  it('accepts messages beyond the rate and carries their delivery over to the next window', async () => {
    sandbox.control.updateSettings({ smtpMessagesPerWindow: 2, smtpRateWindowSeconds: 1 });
    const started = Date.now();
    for (const subject of ['rate 1', 'rate 2', 'rate 3']) await send(subject);
    expect(sandbox.control.counters()['smtp:rateExceeded']).toBe(1);
    const subjects = () => sandbox.control.readMailbox(MEGAN).map((m) => m.subject);
    expect(subjects()).toEqual(expect.arrayContaining(['rate 1', 'rate 2']));
    expect(subjects()).not.toContain('rate 3');
    await expect.poll(subjects, { timeout: 5000, interval: 50 }).toContain('rate 3');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});
