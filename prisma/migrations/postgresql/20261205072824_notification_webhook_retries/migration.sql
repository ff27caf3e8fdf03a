-- AlterTable
ALTER TABLE "NotificationLog" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "deliveryId" TEXT,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3),
ADD COLUMN     "payload" TEXT;

-- CreateIndex
CREATE INDEX "NotificationLog_outcome_nextAttemptAt_idx" ON "NotificationLog"("outcome", "nextAttemptAt");
