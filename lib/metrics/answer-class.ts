// The class of a remote answer for metrics labels: a bounded set, whatever the remote said. Universal.
// Codes look like "250 2.0.0", "432 4.3.2", "429 ApplicationThrottled", "202", or a socket error such as "ESOCKET".

export type AnswerClass = '2xx' | '3xx' | '4xx' | '5xx' | 'network' | 'other';

export function answerClass(code: string | null | undefined): AnswerClass {
  const status = /^([2-5])\d\d\b/.exec(code ?? '');
  if (status) return `${status[1]}xx` as AnswerClass;
  if (/^E[A-Z]+$/.test(code ?? '') || code === 'NetworkError') return 'network';
  return 'other';
}
