-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "certificateExpiresAt" TIMESTAMP(3),
ADD COLUMN     "certificatePem" TEXT,
ADD COLUMN     "certificatePrivateKey" TEXT,
ADD COLUMN     "certificateSetAt" TIMESTAMP(3),
ADD COLUMN     "certificateThumbprint" TEXT,
ADD COLUMN     "credentialType" TEXT NOT NULL DEFAULT 'secret';
