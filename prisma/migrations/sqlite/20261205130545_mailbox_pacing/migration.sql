-- CreateTable
CREATE TABLE "MailboxPace" (
    "paceKey" TEXT NOT NULL PRIMARY KEY,
    "pausedUntil" DATETIME NOT NULL,
    "pauseReason" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PaceGrant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "paceKey" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "grantedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "PaceGrant_paceKey_grantedAt_idx" ON "PaceGrant"("paceKey", "grantedAt");
