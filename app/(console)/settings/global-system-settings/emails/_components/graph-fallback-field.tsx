'use client';
// Client component: the Graph fall-back follows the mailbox typed above it (it must send as that mailbox).
import { SelectField } from '@/components/ui/select-field';
import type { ConnectionOption, EmailFormValues, SetField } from './form-values';

export function GraphFallbackField({
  values,
  set,
  errors,
  connections,
}: {
  values: EmailFormValues;
  set: SetField;
  errors: Record<string, string>;
  connections: ConnectionOption[];
}) {
  const options = connections
    .filter((c) => c.id !== values.connectionId)
    .map((c) => ({
      value: c.id,
      label: c.graph.usable ? `${c.name} — ${c.stateLabel}` : `${c.name} — ${c.graph.reason}`,
      disabled: !c.graph.usable,
    }));
  const mailbox = values.mailboxAddress || 'the mailbox';
  return (
    <SelectField
      label="Graph fall-back connection"
      name="graphFallbackConnectionId"
      placeholder="None: a refused message fails"
      options={options}
      value={values.graphFallbackConnectionId}
      onChange={(event) => set('graphFallbackConnectionId', event.target.value)}
      error={errors.graphFallbackConnectionId}
      hint={`When Exchange refuses SMTP AUTH for ${mailbox} (535 5.7.139: disabled for the mailbox or the tenant), the message is sent through Microsoft Graph with this connection instead, as the same mailbox: a Graph connection signed in as ${mailbox} (or granted Mail.Send.Shared for it), or a client-credentials connection with Mail.Send. Send test email tries it too.`}
    />
  );
}
