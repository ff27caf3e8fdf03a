-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN     "bodyPurgedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "RobotMessage" ADD COLUMN     "bodyPurgedAt" TIMESTAMP(3),
ADD COLUMN     "purgedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "owner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "lastRunAt" TIMESTAMP(3),
    "lastResult" TEXT,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "OutboundMessage_state_sentAt_idx" ON "OutboundMessage"("state", "sentAt");

-- CreateIndex
CREATE INDEX "RobotMessage_purgedAt_createdAt_idx" ON "RobotMessage"("purgedAt", "createdAt");
