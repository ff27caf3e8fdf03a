import type { DeliveryOutcome } from './delivery-outcome';

// An SMTP failure as the outbox sees it. RFC 5321: a 5yz reply is permanent, a 4yz reply transient. Exchange
// Online's throttling replies (432 4.3.2, 421 4.3.2, 451 4.7.500 "server busy") say "slow down": the outbox pauses
// (OutboxPolicy.throttleWaitMs) before the next attempt. No reply at all (refused, reset, timed out, TLS failed) is treated as transient.
// Universal.

interface SmtpLikeError {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
  message?: unknown;
}

const THROTTLING = /\b4\.3\.[12]\b|\b4\.7\.(500|501|502|503)\b/;
const NEVER_BETTER = new Set([
  'EENVELOPE',
  'EMESSAGE',
  'ENOAUTH',
  'ECONFIG',
  'EMAXRECIPIENTS',
  'EFILEACCESS',
  'EURLACCESS',
  'EREQUIRETLS',
]);

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 1000);
}

export function classifySmtpError(thrown: unknown): DeliveryOutcome {
  const e = (thrown ?? {}) as SmtpLikeError;
  const message = typeof e.message === 'string' ? e.message : String(thrown);
  const errorCode = typeof e.code === 'string' ? e.code : 'ERROR';
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) {
    const reply = oneLine(typeof e.response === 'string' && e.response ? e.response : message);
    // Which command was refused matters: "STARTTLS: 500 …" says something else than "DATA: 500 …".
    const answer =
      typeof e.command === 'string' && e.command ? `${e.command.split(' ').slice(0, 2).join(' ')}: ${reply}` : reply;
    const enhanced = /\b([45]\.\d{1,3}\.\d{1,3})\b/.exec(reply)?.[1];
    const code = enhanced ? `${e.responseCode} ${enhanced}` : String(e.responseCode);
    // 503 "bad sequence of commands" is about the session, not the message: a new connection may succeed.
    if (e.responseCode >= 500 && e.responseCode !== 503) return { kind: 'failed', code, answer };
    const throttled = THROTTLING.test(reply);
    return { kind: 'retry', code, answer, ...(throttled ? { throttled } : {}) };
  }
  const answer = oneLine(message);
  if (NEVER_BETTER.has(errorCode)) return { kind: 'failed', code: errorCode, answer };
  return { kind: 'retry', code: errorCode, answer };
}
