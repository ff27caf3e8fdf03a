-- CreateTable
CREATE TABLE "ServiceConnectionTerm" (
    "term" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,

    PRIMARY KEY ("term", "connectionId"),
    CONSTRAINT "ServiceConnectionTerm_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ServiceConnection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    CONSTRAINT "ServiceConnection_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ServiceConnection_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- (edited by hand: existing rows get their service's and tenant's names)
INSERT INTO "new_ServiceConnection" ("accountHomeId", "accountUsername", "authenticatedAt", "createdAt", "grantedScopes", "id", "lastError", "lastRefreshAt", "lastUsedAt", "name", "nameCustomized", "serviceId", "serviceName", "state", "tenantId", "tenantName", "tokenCache", "tokenExpiresAt", "updatedAt") SELECT "accountHomeId", "accountUsername", "authenticatedAt", "createdAt", "grantedScopes", "id", "lastError", "lastRefreshAt", "lastUsedAt", "name", "nameCustomized", "serviceId", (SELECT "name" FROM "Service" WHERE "Service"."id" = "ServiceConnection"."serviceId"), "state", "tenantId", (SELECT "name" FROM "Tenant" WHERE "Tenant"."id" = "ServiceConnection"."tenantId"), "tokenCache", "tokenExpiresAt", "updatedAt" FROM "ServiceConnection";
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

-- CreateIndex
CREATE INDEX "ServiceConnectionTerm_connectionId_idx" ON "ServiceConnectionTerm"("connectionId");
