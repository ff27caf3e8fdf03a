-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RelayClient" (
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
    "updatedAt" DATETIME NOT NULL,
    "graphFallbackConnectionId" TEXT,
    "connectionId" TEXT,
    "mailboxAddress" TEXT,
    CONSTRAINT "RelayClient_graphFallbackConnectionId_fkey" FOREIGN KEY ("graphFallbackConnectionId") REFERENCES "ServiceConnection" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RelayClient_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ServiceConnection" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_RelayClient" ("acceptedToday", "allowedSenders", "authMode", "countDay", "createdAt", "enabled", "graphFallbackConnectionId", "id", "lastAddress", "lastError", "lastSeenAt", "maxMessageBytes", "name", "networks", "passwordHash", "ratePerMinute", "refusedToday", "updatedAt", "username") SELECT "acceptedToday", "allowedSenders", "authMode", "countDay", "createdAt", "enabled", "graphFallbackConnectionId", "id", "lastAddress", "lastError", "lastSeenAt", "maxMessageBytes", "name", "networks", "passwordHash", "ratePerMinute", "refusedToday", "updatedAt", "username" FROM "RelayClient";
DROP TABLE "RelayClient";
ALTER TABLE "new_RelayClient" RENAME TO "RelayClient";
CREATE UNIQUE INDEX "RelayClient_name_key" ON "RelayClient"("name");
CREATE UNIQUE INDEX "RelayClient_username_key" ON "RelayClient"("username");
CREATE INDEX "RelayClient_graphFallbackConnectionId_idx" ON "RelayClient"("graphFallbackConnectionId");
CREATE INDEX "RelayClient_connectionId_idx" ON "RelayClient"("connectionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
