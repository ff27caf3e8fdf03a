import { type TestEmailInput, testEmailSchema } from '@/lib/mail/settings/email-settings-schema';

/** The Emails form's values for Send test email, parsed by the form's own schema. */
export function testEmailInput(fields: Record<string, string>): TestEmailInput {
  return testEmailSchema.parse(fields);
}
