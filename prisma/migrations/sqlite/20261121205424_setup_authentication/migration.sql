-- CreateTable
CREATE TABLE "AuthRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "stateHash" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "browserBindingHash" TEXT NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "redirectUri" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "administratorId" TEXT,
    "signInLinkId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "consumedAt" DATETIME,
    CONSTRAINT "AuthRequest_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ServiceConnection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignInLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdByEmail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "SignInLink_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "ServiceConnection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "AuthRequest_stateHash_key" ON "AuthRequest"("stateHash");

-- CreateIndex
CREATE INDEX "AuthRequest_connectionId_idx" ON "AuthRequest"("connectionId");

-- CreateIndex
CREATE INDEX "AuthRequest_expiresAt_idx" ON "AuthRequest"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "SignInLink_tokenHash_key" ON "SignInLink"("tokenHash");

-- CreateIndex
CREATE INDEX "SignInLink_connectionId_idx" ON "SignInLink"("connectionId");
