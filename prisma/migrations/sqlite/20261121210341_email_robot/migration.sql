-- CreateTable
CREATE TABLE "RobotMailbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "webhookSecretSetAt" DATETIME,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "folderId" TEXT,
    "cursor" TEXT,
    "nextPollAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "nextRunAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "throttledUntil" DATETIME,
    "lastPollAt" DATETIME,
    "lastSuccessAt" DATETIME,
    "messagesSeen" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastErrorExplanation" TEXT,
    "lastErrorAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RobotMailbox_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ServiceConnection" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RobotMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mailboxId" TEXT NOT NULL,
    "internetMessageId" TEXT NOT NULL,
    "graphMessageId" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "fromName" TEXT NOT NULL DEFAULT '',
    "fromAddress" TEXT NOT NULL DEFAULT '',
    "toRecipients" TEXT NOT NULL DEFAULT '[]',
    "ccRecipients" TEXT NOT NULL DEFAULT '[]',
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "receivedAt" DATETIME NOT NULL,
    "bodyType" TEXT NOT NULL DEFAULT 'text',
    "body" TEXT NOT NULL DEFAULT '',
    "bodyTruncated" BOOLEAN NOT NULL DEFAULT false,
    "mime" BLOB,
    "mimeSize" INTEGER NOT NULL DEFAULT 0,
    "mimeStored" BOOLEAN NOT NULL DEFAULT false,
    "searchText" TEXT NOT NULL DEFAULT '',
    "handoffState" TEXT NOT NULL DEFAULT 'pending',
    "handoffAttempts" INTEGER NOT NULL DEFAULT 0,
    "nextHandoffAt" DATETIME,
    "lastHandoffError" TEXT,
    "handedOffAt" DATETIME,
    "mailboxAction" TEXT NOT NULL DEFAULT 'pending',
    "mailboxActionAttempts" INTEGER NOT NULL DEFAULT 0,
    "nextMailboxActionAt" DATETIME,
    "lastMailboxActionError" TEXT,
    "mailboxActionAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RobotMessage_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "RobotMailbox" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
