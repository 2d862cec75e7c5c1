-- CreateTable
CREATE TABLE "EventCounter" (
    "dealId" INTEGER NOT NULL,
    "hour" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("dealId", "hour", "type", "channel")
);

-- CreateTable
CREATE TABLE "ShopStaff" (
    "shopId" INTEGER NOT NULL,
    "userId" BIGINT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shopId", "userId")
);

-- CreateTable
CREATE TABLE "StaffInvite" (
    "token" TEXT NOT NULL PRIMARY KEY,
    "shopId" INTEGER NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "usedById" BIGINT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DailySummary" (
    "shopId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "optedOut" BOOLEAN NOT NULL DEFAULT false,
    "lastSentOn" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ShopStaff_userId_idx" ON "ShopStaff"("userId");

-- CreateIndex
CREATE INDEX "StaffInvite_shopId_idx" ON "StaffInvite"("shopId");

-- Merchant numbers read hourly counters instead of scanning raw events. A
-- trigger keeps them, so every way of recording an event (lists, cards,
-- pushes) is counted without the writer knowing. The channel is the source
-- before ":" ("push:12" counts as "push").
CREATE TRIGGER "Event_count_after_insert" AFTER INSERT ON "Event"
BEGIN
    INSERT INTO "EventCounter" ("dealId", "hour", "type", "channel", "count")
    VALUES (
        NEW."dealId",
        CAST(strftime('%s', NEW."createdAt") AS INTEGER) / 3600,
        NEW."type",
        CASE WHEN instr(NEW."source", ':') > 0 THEN substr(NEW."source", 1, instr(NEW."source", ':') - 1) ELSE NEW."source" END,
        1
    )
    ON CONFLICT ("dealId", "hour", "type", "channel") DO UPDATE SET "count" = "count" + 1;
END;

-- Events recorded before this migration.
INSERT INTO "EventCounter" ("dealId", "hour", "type", "channel", "count")
SELECT "dealId", "hour", "type", "channel", COUNT(*) FROM (
    SELECT "dealId",
        CAST(strftime('%s', "createdAt") AS INTEGER) / 3600 AS "hour",
        "type",
        CASE WHEN instr("source", ':') > 0 THEN substr("source", 1, instr("source", ':') - 1) ELSE "source" END AS "channel"
    FROM "Event"
) GROUP BY "dealId", "hour", "type", "channel";
