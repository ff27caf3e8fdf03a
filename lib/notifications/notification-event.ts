// One change of state worth telling a person about. Universal.
export interface NotificationEvent {
  /** e.g. "connection.needs_reauth", "connection.recovered", "notification.test". */
  event: string;
  subject: string;
  /** Plain text for the email; also in the webhook body. */
  text: string;
  /** What the webhook body carries besides: ids and states, never a secret. */
  data: Record<string, unknown>;
}
