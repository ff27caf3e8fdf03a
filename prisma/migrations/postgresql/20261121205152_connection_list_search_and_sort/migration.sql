-- DropIndex
DROP INDEX "ServiceConnection_state_idx";

-- AlterTable
ALTER TABLE "ServiceConnection" ADD COLUMN     "serviceName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "tenantName" TEXT NOT NULL DEFAULT '';
-- (added by hand: existing rows get their service's and tenant's names)
UPDATE "ServiceConnection" c SET "serviceName" = s."name" FROM "Service" s WHERE s."id" = c."serviceId";
UPDATE "ServiceConnection" c SET "tenantName" = t."name" FROM "Tenant" t WHERE t."id" = c."tenantId";

-- CreateTable
CREATE TABLE "ServiceConnectionTerm" (
    "term" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,

    CONSTRAINT "ServiceConnectionTerm_pkey" PRIMARY KEY ("term","connectionId")
);

-- CreateIndex
CREATE INDEX "ServiceConnectionTerm_connectionId_idx" ON "ServiceConnectionTerm"("connectionId");

-- CreateIndex
CREATE INDEX "ServiceConnection_state_name_idx" ON "ServiceConnection"("state", "name");

-- CreateIndex
CREATE INDEX "ServiceConnection_serviceName_name_idx" ON "ServiceConnection"("serviceName", "name");

-- CreateIndex
CREATE INDEX "ServiceConnection_tenantName_name_idx" ON "ServiceConnection"("tenantName", "name");

-- AddForeignKey
ALTER TABLE "ServiceConnectionTerm" ADD CONSTRAINT "ServiceConnectionTerm_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ServiceConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
