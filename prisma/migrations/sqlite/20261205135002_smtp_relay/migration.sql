-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN "envelopeFrom" TEXT;
ALTER TABLE "OutboundMessage" ADD COLUMN "envelopeRecipients" TEXT;
ALTER TABLE "OutboundMessage" ADD COLUMN "rawMime" BLOB;
ALTER TABLE "OutboundMessage" ADD COLUMN "relayClientId" TEXT;

-- CreateTable
CREATE TABLE "RelayClient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "authMode" TEXT NOT NULL,
    "username" TEXT,
    "passwordHash" TEXT,
    "networks" TEXT NOT NULL DEFAULT '[]',
    "allowedSenders" TEXT NOT NULL DEFAULT '[]',
    "maxMessageBytes" INTEGER NOT NULL DEFAULT 36700160,
    "ratePerMinute" INTEGER NOT NULL DEFAULT 30,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "countDay" TEXT NOT NULL DEFAULT '',
    "acceptedToday" INTEGER NOT NULL DEFAULT 0,
    "refusedToday" INTEGER NOT NULL DEFAULT 0,
    "lastSeenAt" DATETIME,
    "lastAddress" TEXT,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RelaySettings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "certificatePem" TEXT,
    "certificateKey" TEXT,
    "certificateGenerated" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "RelayClient_name_key" ON "RelayClient"("name");

-- CreateIndex
CREATE UNIQUE INDEX "RelayClient_username_key" ON "RelayClient"("username");
