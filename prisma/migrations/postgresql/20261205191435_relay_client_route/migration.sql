-- AlterTable
ALTER TABLE "RelayClient" ADD COLUMN     "connectionId" TEXT,
ADD COLUMN     "mailboxAddress" TEXT;

-- CreateIndex
CREATE INDEX "RelayClient_connectionId_idx" ON "RelayClient"("connectionId");

-- AddForeignKey
ALTER TABLE "RelayClient" ADD CONSTRAINT "RelayClient_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ServiceConnection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
