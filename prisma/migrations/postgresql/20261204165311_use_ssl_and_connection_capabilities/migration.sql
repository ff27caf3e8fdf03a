-- "Use SSL" now means what .NET's EnableSsl means (TLS required: implicit on 465, STARTTLS elsewhere) and replaces
-- "Allow unencrypted connection". Saved settings keep their behaviour: STARTTLS-required (SSL off, unencrypted not
-- allowed) becomes SSL on; SSL on a port other than 465 (implicit TLS there) becomes SSL on + implicit TLS.
ALTER TABLE "EmailSettings" ADD COLUMN     "implicitTls" BOOLEAN NOT NULL DEFAULT false;
UPDATE "EmailSettings" SET "implicitTls" = ("useSsl" AND "smtpServer" NOT LIKE '%:465'), "useSsl" = ("useSsl" OR NOT "allowUnencrypted");

-- AlterTable
ALTER TABLE "EmailSettings" DROP COLUMN "allowUnencrypted";
-- AlterTable
ALTER TABLE "ServiceConnection" ADD COLUMN     "appRoles" TEXT,
ADD COLUMN     "appRolesAt" TIMESTAMP(3),
ADD COLUMN     "optionalCapabilities" TEXT NOT NULL DEFAULT '';

-- A test email is never retried in the background any more: those still waiting end Failed, and the settings they
-- carried (possibly a password) are dropped.
UPDATE "OutboundMessage" SET "state" = 'failed', "lastError" = 'A test email is not retried: send a new test from the Emails page.', "lastErrorCode" = 'TEST_NOT_RETRIED', "leaseOwner" = NULL, "leaseUntil" = NULL, "transportOverride" = NULL WHERE "source" = 'test' AND "state" IN ('queued', 'sending');
