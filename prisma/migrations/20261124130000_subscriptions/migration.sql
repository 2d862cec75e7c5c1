-- AlterTable
ALTER TABLE "User" ADD COLUMN "blockedAt" DATETIME;

-- CreateTable
CREATE TABLE "Subscription" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" BIGINT NOT NULL,
    "label" TEXT NOT NULL DEFAULT 'other',
    "lat" REAL NOT NULL,
    "lng" REAL NOT NULL,
    "timeZone" TEXT NOT NULL,
    "radiusM" INTEGER NOT NULL,
    "categories" TEXT NOT NULL DEFAULT '',
    "dailyMax" INTEGER NOT NULL DEFAULT 3,
    "quietStart" INTEGER NOT NULL DEFAULT 1320,
    "quietEnd" INTEGER NOT NULL DEFAULT 480,
    "locale" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Subscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Push" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "plannedAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentAt" DATETIME,
    "messageId" INTEGER,
    "error" TEXT,
    CONSTRAINT "Push_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PushItem" (
    "pushId" INTEGER NOT NULL,
    "dealId" INTEGER NOT NULL,
    "userId" BIGINT NOT NULL,
    "subscriptionId" INTEGER,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("pushId", "dealId"),
    CONSTRAINT "PushItem_pushId_fkey" FOREIGN KEY ("pushId") REFERENCES "Push" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PushItem_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PushItem_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "slot" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "Subscription_userId_idx" ON "Subscription"("userId");

-- CreateIndex
CREATE INDEX "Push_status_id_idx" ON "Push"("status", "id");

-- CreateIndex
CREATE INDEX "Push_userId_plannedAt_idx" ON "Push"("userId", "plannedAt");

-- CreateIndex
CREATE INDEX "PushItem_subscriptionId_idx" ON "PushItem"("subscriptionId");

-- CreateIndex
CREATE UNIQUE INDEX "PushItem_userId_dealId_key" ON "PushItem"("userId", "dealId");

