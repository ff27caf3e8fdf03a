-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EmailSettings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "connectionType" TEXT NOT NULL DEFAULT 'smtp',
    "smtpServer" TEXT NOT NULL DEFAULT '',
    "useSsl" BOOLEAN NOT NULL DEFAULT false,
    "implicitTls" BOOLEAN NOT NULL DEFAULT false,
    "smtpAuth" TEXT NOT NULL DEFAULT 'none',
    "username" TEXT,
    "password" TEXT,
    "passwordHint" TEXT,
    "passwordSetAt" DATETIME,
    "mailboxAddress" TEXT,
    "connectionId" TEXT,
    "senderAddress" TEXT NOT NULL DEFAULT '',
    "senderName" TEXT NOT NULL DEFAULT '',
    "allowedSenders" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    "updatedByEmail" TEXT,
    CONSTRAINT "EmailSettings_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ServiceConnection" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- "Use SSL" now means what .NET's EnableSsl means (TLS required: implicit on 465, STARTTLS elsewhere) and replaces
-- "Allow unencrypted connection". Saved settings keep their behaviour: STARTTLS-required (SSL off, unencrypted not
-- allowed) becomes SSL on; SSL on a port other than 465 (implicit TLS there) becomes SSL on + implicit TLS.
INSERT INTO "new_EmailSettings" ("allowedSenders", "connectionId", "connectionType", "enabled", "id", "mailboxAddress", "password", "passwordHint", "passwordSetAt", "senderAddress", "senderName", "smtpAuth", "smtpServer", "updatedAt", "updatedByEmail", "useSsl", "implicitTls", "username") SELECT "allowedSenders", "connectionId", "connectionType", "enabled", "id", "mailboxAddress", "password", "passwordHint", "passwordSetAt", "senderAddress", "senderName", "smtpAuth", "smtpServer", "updatedAt", "updatedByEmail", ("useSsl" OR NOT "allowUnencrypted"), ("useSsl" AND "smtpServer" NOT LIKE '%:465'), "username" FROM "EmailSettings";
DROP TABLE "EmailSettings";
ALTER TABLE "new_EmailSettings" RENAME TO "EmailSettings";
CREATE INDEX "EmailSettings_connectionId_idx" ON "EmailSettings"("connectionId");
CREATE TABLE "new_ServiceConnection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameCustomized" BOOLEAN NOT NULL DEFAULT false,
    "serviceId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "serviceName" TEXT NOT NULL DEFAULT '',
    "tenantName" TEXT NOT NULL DEFAULT '',
    "state" TEXT NOT NULL DEFAULT 'not_authenticated',
    "accountUsername" TEXT,
    "accountHomeId" TEXT,
    "grantedScopes" TEXT,
    "tokenCache" TEXT,
    "tokenExpiresAt" DATETIME,
    "authenticatedAt" DATETIME,
    "lastRefreshAt" DATETIME,
    "lastUsedAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "optionalCapabilities" TEXT NOT NULL DEFAULT '',
    "appRoles" TEXT,
    "appRolesAt" DATETIME,
    CONSTRAINT "ServiceConnection_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ServiceConnection_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ServiceConnection" ("accountHomeId", "accountUsername", "authenticatedAt", "createdAt", "grantedScopes", "id", "lastError", "lastRefreshAt", "lastUsedAt", "name", "nameCustomized", "serviceId", "serviceName", "state", "tenantId", "tenantName", "tokenCache", "tokenExpiresAt", "updatedAt") SELECT "accountHomeId", "accountUsername", "authenticatedAt", "createdAt", "grantedScopes", "id", "lastError", "lastRefreshAt", "lastUsedAt", "name", "nameCustomized", "serviceId", "serviceName", "state", "tenantId", "tenantName", "tokenCache", "tokenExpiresAt", "updatedAt" FROM "ServiceConnection";
DROP TABLE "ServiceConnection";
ALTER TABLE "new_ServiceConnection" RENAME TO "ServiceConnection";
CREATE UNIQUE INDEX "ServiceConnection_name_key" ON "ServiceConnection"("name");
CREATE INDEX "ServiceConnection_serviceId_idx" ON "ServiceConnection"("serviceId");
CREATE INDEX "ServiceConnection_tenantId_idx" ON "ServiceConnection"("tenantId");
CREATE INDEX "ServiceConnection_state_name_idx" ON "ServiceConnection"("state", "name");
CREATE INDEX "ServiceConnection_serviceName_name_idx" ON "ServiceConnection"("serviceName", "name");
CREATE INDEX "ServiceConnection_tenantName_name_idx" ON "ServiceConnection"("tenantName", "name");
CREATE INDEX "ServiceConnection_createdAt_idx" ON "ServiceConnection"("createdAt");
CREATE INDEX "ServiceConnection_updatedAt_idx" ON "ServiceConnection"("updatedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- A test email is never retried in the background any more: those still waiting end Failed, and the settings they
-- carried (possibly a password) are dropped.
UPDATE "OutboundMessage" SET "state" = 'failed', "lastError" = 'A test email is not retried: send a new test from the Emails page.', "lastErrorCode" = 'TEST_NOT_RETRIED', "leaseOwner" = NULL, "leaseUntil" = NULL, "transportOverride" = NULL WHERE "source" = 'test' AND "state" IN ('queued', 'sending');
