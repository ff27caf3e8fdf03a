// The largest form post the console reads: next.config.mjs's serverActions.bodySizeLimit ('2mb'). Above it the
// proxy answers 413 itself, because Next answers an over-limit action with a 500.
export const FORM_BODY_LIMIT_BYTES = 2 * 1024 * 1024;
