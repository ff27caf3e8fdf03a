-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Tenant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "cloud" TEXT NOT NULL DEFAULT 'global',
    "authorityHost" TEXT,
    "graphBaseUrl" TEXT,
    "directoryId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecret" TEXT,
    "clientSecretHint" TEXT,
    "clientSecretSetAt" DATETIME,
    "clientSecretExpiresAt" DATETIME,
    "credentialType" TEXT NOT NULL DEFAULT 'secret',
    "certificatePem" TEXT,
    "certificatePrivateKey" TEXT,
    "certificateThumbprint" TEXT,
    "certificateExpiresAt" DATETIME,
    "certificateSetAt" DATETIME,
    "lastVerifiedAt" DATETIME,
    "lastVerifyError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Tenant" ("authorityHost", "clientId", "clientSecret", "clientSecretExpiresAt", "clientSecretHint", "clientSecretSetAt", "cloud", "createdAt", "directoryId", "graphBaseUrl", "id", "lastVerifiedAt", "lastVerifyError", "name", "updatedAt") SELECT "authorityHost", "clientId", "clientSecret", "clientSecretExpiresAt", "clientSecretHint", "clientSecretSetAt", "cloud", "createdAt", "directoryId", "graphBaseUrl", "id", "lastVerifiedAt", "lastVerifyError", "name", "updatedAt" FROM "Tenant";
DROP TABLE "Tenant";
ALTER TABLE "new_Tenant" RENAME TO "Tenant";
CREATE UNIQUE INDEX "Tenant_name_key" ON "Tenant"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
