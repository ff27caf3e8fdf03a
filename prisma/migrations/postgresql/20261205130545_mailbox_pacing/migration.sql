-- CreateTable
CREATE TABLE "MailboxPace" (
    "paceKey" TEXT NOT NULL,
    "pausedUntil" TIMESTAMP(3) NOT NULL,
    "pauseReason" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MailboxPace_pkey" PRIMARY KEY ("paceKey")
);

-- CreateTable
CREATE TABLE "PaceGrant" (
    "id" TEXT NOT NULL,
    "paceKey" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "PaceGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PaceGrant_paceKey_grantedAt_idx" ON "PaceGrant"("paceKey", "grantedAt");
