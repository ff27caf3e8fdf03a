-- AlterTable
ALTER TABLE "ServiceConnection" ADD COLUMN     "servicePrincipalId" TEXT,
ADD COLUMN     "servicePrincipalIdAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "adminConsentGrantedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AdminConsentRequest" (
    "id" TEXT NOT NULL,
    "stateHash" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "browserBindingHash" TEXT NOT NULL,
    "redirectUri" TEXT NOT NULL,
    "administratorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),

    CONSTRAINT "AdminConsentRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AdminConsentRequest_stateHash_key" ON "AdminConsentRequest"("stateHash");

-- CreateIndex
CREATE INDEX "AdminConsentRequest_tenantId_idx" ON "AdminConsentRequest"("tenantId");

-- CreateIndex
CREATE INDEX "AdminConsentRequest_expiresAt_idx" ON "AdminConsentRequest"("expiresAt");

-- AddForeignKey
ALTER TABLE "AdminConsentRequest" ADD CONSTRAINT "AdminConsentRequest_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
