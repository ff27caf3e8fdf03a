// Kept apart from session-cookie.ts so the proxy can import the name without importing server-only modules.
export const SESSION_COOKIE = 'sb_session';
