-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EmailSettings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "connectionType" TEXT NOT NULL DEFAULT 'smtp',
    "smtpServer" TEXT NOT NULL DEFAULT '',
    "useSsl" BOOLEAN NOT NULL DEFAULT false,
    "implicitTls" BOOLEAN NOT NULL DEFAULT false,
    "smtpAuth" TEXT NOT NULL DEFAULT 'none',
    "username" TEXT,
    "password" TEXT,
    "passwordHint" TEXT,
    "passwordSetAt" DATETIME,
    "mailboxAddress" TEXT,
    "connectionId" TEXT,
    "senderAddress" TEXT NOT NULL DEFAULT '',
    "senderName" TEXT NOT NULL DEFAULT '',
    "allowedSenders" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    "updatedByEmail" TEXT,
    "graphFallbackConnectionId" TEXT,
    CONSTRAINT "EmailSettings_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ServiceConnection" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EmailSettings_graphFallbackConnectionId_fkey" FOREIGN KEY ("graphFallbackConnectionId") REFERENCES "ServiceConnection" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_EmailSettings" ("allowedSenders", "connectionId", "connectionType", "enabled", "id", "implicitTls", "mailboxAddress", "password", "passwordHint", "passwordSetAt", "senderAddress", "senderName", "smtpAuth", "smtpServer", "updatedAt", "updatedByEmail", "useSsl", "username") SELECT "allowedSenders", "connectionId", "connectionType", "enabled", "id", "implicitTls", "mailboxAddress", "password", "passwordHint", "passwordSetAt", "senderAddress", "senderName", "smtpAuth", "smtpServer", "updatedAt", "updatedByEmail", "useSsl", "username" FROM "EmailSettings";
DROP TABLE "EmailSettings";
ALTER TABLE "new_EmailSettings" RENAME TO "EmailSettings";
CREATE INDEX "EmailSettings_connectionId_idx" ON "EmailSettings"("connectionId");
CREATE INDEX "EmailSettings_graphFallbackConnectionId_idx" ON "EmailSettings"("graphFallbackConnectionId");
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
    CONSTRAINT "RelayClient_graphFallbackConnectionId_fkey" FOREIGN KEY ("graphFallbackConnectionId") REFERENCES "ServiceConnection" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_RelayClient" ("acceptedToday", "allowedSenders", "authMode", "countDay", "createdAt", "enabled", "id", "lastAddress", "lastError", "lastSeenAt", "maxMessageBytes", "name", "networks", "passwordHash", "ratePerMinute", "refusedToday", "updatedAt", "username") SELECT "acceptedToday", "allowedSenders", "authMode", "countDay", "createdAt", "enabled", "id", "lastAddress", "lastError", "lastSeenAt", "maxMessageBytes", "name", "networks", "passwordHash", "ratePerMinute", "refusedToday", "updatedAt", "username" FROM "RelayClient";
DROP TABLE "RelayClient";
ALTER TABLE "new_RelayClient" RENAME TO "RelayClient";
CREATE UNIQUE INDEX "RelayClient_name_key" ON "RelayClient"("name");
CREATE UNIQUE INDEX "RelayClient_username_key" ON "RelayClient"("username");
CREATE INDEX "RelayClient_graphFallbackConnectionId_idx" ON "RelayClient"("graphFallbackConnectionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
