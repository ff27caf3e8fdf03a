import 'server-only';
import type { EncryptedField } from '@/lib/crypto/encrypted-fields';
import { ENTRA_ENCRYPTED_FIELDS } from '@/lib/entra/entra-encrypted-fields';
import { RELAY_ENCRYPTED_FIELDS } from '@/lib/mail/relay/relay-encrypted-fields';
import { EMAIL_ENCRYPTED_FIELDS } from '@/lib/mail/settings/email-encrypted-fields';
import { NOTIFICATION_ENCRYPTED_FIELDS } from '@/lib/notifications/notification-encrypted-fields';
import { ROBOT_ENCRYPTED_FIELDS } from '@/lib/robot/robot-encrypted-fields';
import { TENANT_ENCRYPTED_FIELDS } from '@/lib/tenants/tenant-encrypted-fields';

// Every column that holds a ciphertext, put together here, above the layers that own them: key rotation walks this
// list, and the plaintext-leak tests use it to know what must never appear in the database file. A feature with a
// new secret column adds its list here.
export const ENCRYPTED_FIELDS: readonly EncryptedField[] = [
  ...TENANT_ENCRYPTED_FIELDS,
  ...ENTRA_ENCRYPTED_FIELDS,
  ...EMAIL_ENCRYPTED_FIELDS,
  ...ROBOT_ENCRYPTED_FIELDS,
  ...NOTIFICATION_ENCRYPTED_FIELDS,
  ...RELAY_ENCRYPTED_FIELDS,
];
