// A connection name's limit, for the form (no zod: it is part of the page's first load) and the schema.

export const CONNECTION_NAME_MAX = 250;
