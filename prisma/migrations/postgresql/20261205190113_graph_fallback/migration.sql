-- AlterTable
ALTER TABLE "EmailSettings" ADD COLUMN     "graphFallbackConnectionId" TEXT;

-- AlterTable
ALTER TABLE "RelayClient" ADD COLUMN     "graphFallbackConnectionId" TEXT;

-- CreateIndex
CREATE INDEX "EmailSettings_graphFallbackConnectionId_idx" ON "EmailSettings"("graphFallbackConnectionId");

-- CreateIndex
CREATE INDEX "RelayClient_graphFallbackConnectionId_idx" ON "RelayClient"("graphFallbackConnectionId");

-- AddForeignKey
ALTER TABLE "EmailSettings" ADD CONSTRAINT "EmailSettings_graphFallbackConnectionId_fkey" FOREIGN KEY ("graphFallbackConnectionId") REFERENCES "ServiceConnection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelayClient" ADD CONSTRAINT "RelayClient_graphFallbackConnectionId_fkey" FOREIGN KEY ("graphFallbackConnectionId") REFERENCES "ServiceConnection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
