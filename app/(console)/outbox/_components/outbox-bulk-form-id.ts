/** The id of the Outbox list's multi-select form: each row's checkbox joins it through its `form` attribute. */
export const OUTBOX_BULK_FORM = 'outbox-selection';
