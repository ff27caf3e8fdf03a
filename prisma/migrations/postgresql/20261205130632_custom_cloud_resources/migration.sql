-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "exchangeResource" TEXT,
ADD COLUMN     "graphResource" TEXT;
