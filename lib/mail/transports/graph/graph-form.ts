import type { TransportForm } from '../transport-definition';

// Microsoft Graph as the Emails form shows it (zod-free; graph-transport.ts is the rest). Universal.

export const graphForm: TransportForm = {
  label: 'Microsoft Graph',
  shownFields: () => ['mailboxAddress', 'connectionId'],
};
