-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN "bodyPurgedAt" DATETIME;

-- AlterTable
ALTER TABLE "RobotMessage" ADD COLUMN "bodyPurgedAt" DATETIME;
ALTER TABLE "RobotMessage" ADD COLUMN "purgedAt" DATETIME;

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT,
    "leaseUntil" DATETIME,
    "lastRunAt" DATETIME,
    "lastResult" TEXT
);

-- CreateIndex
CREATE INDEX "OutboundMessage_state_sentAt_idx" ON "OutboundMessage"("state", "sentAt");

-- CreateIndex
CREATE INDEX "RobotMessage_purgedAt_createdAt_idx" ON "RobotMessage"("purgedAt", "createdAt");
