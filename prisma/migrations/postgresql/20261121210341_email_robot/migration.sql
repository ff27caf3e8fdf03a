-- CreateTable
CREATE TABLE "RobotMailbox" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "mailboxAddress" TEXT NOT NULL DEFAULT '',
    "folder" TEXT NOT NULL DEFAULT 'Inbox',
    "pollIntervalSeconds" INTEGER NOT NULL DEFAULT 60,
    "afterProcessing" TEXT NOT NULL DEFAULT 'mark_read',
    "moveToFolder" TEXT NOT NULL DEFAULT '',
    "webhookUrl" TEXT NOT NULL DEFAULT '',
    "webhookSecret" TEXT,
    "webhookSecretHint" TEXT,
    "webhookSecretSetAt" TIMESTAMP(3),
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "folderId" TEXT,
    "cursor" TEXT,
    "nextPollAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "nextRunAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "throttledUntil" TIMESTAMP(3),
    "lastPollAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "messagesSeen" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastErrorExplanation" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RobotMailbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RobotMessage" (
    "id" TEXT NOT NULL,
    "mailboxId" TEXT NOT NULL,
    "internetMessageId" TEXT NOT NULL,
    "graphMessageId" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "fromName" TEXT NOT NULL DEFAULT '',
    "fromAddress" TEXT NOT NULL DEFAULT '',
    "toRecipients" TEXT NOT NULL DEFAULT '[]',
    "ccRecipients" TEXT NOT NULL DEFAULT '[]',
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "bodyType" TEXT NOT NULL DEFAULT 'text',
    "body" TEXT NOT NULL DEFAULT '',
    "bodyTruncated" BOOLEAN NOT NULL DEFAULT false,
    "mime" BYTEA,
    "mimeSize" INTEGER NOT NULL DEFAULT 0,
    "mimeStored" BOOLEAN NOT NULL DEFAULT false,
    "searchText" TEXT NOT NULL DEFAULT '',
    "handoffState" TEXT NOT NULL DEFAULT 'pending',
    "handoffAttempts" INTEGER NOT NULL DEFAULT 0,
    "nextHandoffAt" TIMESTAMP(3),
    "lastHandoffError" TEXT,
    "handedOffAt" TIMESTAMP(3),
    "mailboxAction" TEXT NOT NULL DEFAULT 'pending',
    "mailboxActionAttempts" INTEGER NOT NULL DEFAULT 0,
    "nextMailboxActionAt" TIMESTAMP(3),
    "lastMailboxActionError" TEXT,
    "mailboxActionAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RobotMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RobotMailbox_name_key" ON "RobotMailbox"("name");

-- CreateIndex
CREATE INDEX "RobotMailbox_connectionId_idx" ON "RobotMailbox"("connectionId");

-- CreateIndex
CREATE INDEX "RobotMailbox_enabled_nextRunAt_idx" ON "RobotMailbox"("enabled", "nextRunAt");

-- CreateIndex
CREATE INDEX "RobotMessage_mailboxId_receivedAt_idx" ON "RobotMessage"("mailboxId", "receivedAt");

-- CreateIndex
CREATE INDEX "RobotMessage_mailboxId_handoffState_nextHandoffAt_idx" ON "RobotMessage"("mailboxId", "handoffState", "nextHandoffAt");

-- CreateIndex
CREATE INDEX "RobotMessage_mailboxId_mailboxAction_nextMailboxActionAt_idx" ON "RobotMessage"("mailboxId", "mailboxAction", "nextMailboxActionAt");

-- CreateIndex
CREATE UNIQUE INDEX "RobotMessage_mailboxId_internetMessageId_key" ON "RobotMessage"("mailboxId", "internetMessageId");

-- AddForeignKey
ALTER TABLE "RobotMailbox" ADD CONSTRAINT "RobotMailbox_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ServiceConnection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RobotMessage" ADD CONSTRAINT "RobotMessage_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "RobotMailbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;
