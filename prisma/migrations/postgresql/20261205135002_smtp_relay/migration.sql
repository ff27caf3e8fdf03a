-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN     "envelopeFrom" TEXT,
ADD COLUMN     "envelopeRecipients" TEXT,
ADD COLUMN     "rawMime" BYTEA,
ADD COLUMN     "relayClientId" TEXT;

-- CreateTable
CREATE TABLE "RelayClient" (
    "id" TEXT NOT NULL,
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
    "lastSeenAt" TIMESTAMP(3),
    "lastAddress" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RelayClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RelaySettings" (
    "id" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "certificatePem" TEXT,
    "certificateKey" TEXT,
    "certificateGenerated" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RelaySettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RelayClient_name_key" ON "RelayClient"("name");

-- CreateIndex
CREATE UNIQUE INDEX "RelayClient_username_key" ON "RelayClient"("username");
