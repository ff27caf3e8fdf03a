-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN "exchangeResource" TEXT;
ALTER TABLE "Tenant" ADD COLUMN "graphResource" TEXT;
