import type { SMTPServer } from 'smtp-server';

/** An SMTP server (not yet listening) that accepts everything, and its counts so far. */
export function countingSink(): { server: SMTPServer; counts: { received: number; connections: number } };
