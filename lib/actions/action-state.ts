// What every form action returns: a message for the form, errors per field, and the non-secret values typed,
// so a failed submission keeps what the person entered (never a password or a secret).
export interface ActionState {
  status: 'idle' | 'success' | 'error';
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

export const IDLE: ActionState = { status: 'idle' };
