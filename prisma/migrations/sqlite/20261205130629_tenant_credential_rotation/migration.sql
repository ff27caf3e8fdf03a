-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN "pendingCertificateExpiresAt" DATETIME;
ALTER TABLE "Tenant" ADD COLUMN "pendingCertificatePem" TEXT;
ALTER TABLE "Tenant" ADD COLUMN "pendingCertificatePrivateKey" TEXT;
ALTER TABLE "Tenant" ADD COLUMN "pendingCertificateThumbprint" TEXT;
ALTER TABLE "Tenant" ADD COLUMN "pendingClientSecret" TEXT;
ALTER TABLE "Tenant" ADD COLUMN "pendingClientSecretExpiresAt" DATETIME;
ALTER TABLE "Tenant" ADD COLUMN "pendingClientSecretHint" TEXT;
ALTER TABLE "Tenant" ADD COLUMN "pendingCredentialFor" TEXT;
ALTER TABLE "Tenant" ADD COLUMN "pendingCredentialSetAt" DATETIME;
ALTER TABLE "Tenant" ADD COLUMN "pendingCredentialType" TEXT;
ALTER TABLE "Tenant" ADD COLUMN "pendingVerifiedAt" DATETIME;
ALTER TABLE "Tenant" ADD COLUMN "pendingVerifyError" TEXT;
ALTER TABLE "Tenant" ADD COLUMN "retiredCredentialAt" DATETIME;
ALTER TABLE "Tenant" ADD COLUMN "retiredCredentialExpiresAt" DATETIME;
ALTER TABLE "Tenant" ADD COLUMN "retiredCredentialHint" TEXT;
ALTER TABLE "Tenant" ADD COLUMN "retiredCredentialType" TEXT;
