-- AlterTable
ALTER TABLE "ServiceConnection" ADD COLUMN "servicePrincipalId" TEXT;
ALTER TABLE "ServiceConnection" ADD COLUMN "servicePrincipalIdAt" DATETIME;

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN "adminConsentGrantedAt" DATETIME;

-- CreateTable
CREATE TABLE "AdminConsentRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "stateHash" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "browserBindingHash" TEXT NOT NULL,
    "redirectUri" TEXT NOT NULL,
    "administratorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "consumedAt" DATETIME,
    CONSTRAINT "AdminConsentRequest_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "AdminConsentRequest_stateHash_key" ON "AdminConsentRequest"("stateHash");

-- CreateIndex
CREATE INDEX "AdminConsentRequest_tenantId_idx" ON "AdminConsentRequest"("tenantId");

-- CreateIndex
CREATE INDEX "AdminConsentRequest_expiresAt_idx" ON "AdminConsentRequest"("expiresAt");
