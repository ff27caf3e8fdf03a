// How long a certificate generated in the console is valid, for the forms (no zod: they are part of the page's first
// load) and the schemas.

export const CERTIFICATE_VALIDITY_DAYS = [180, 365, 730] as const;
export const DEFAULT_CERTIFICATE_VALIDITY_DAYS = 365;
