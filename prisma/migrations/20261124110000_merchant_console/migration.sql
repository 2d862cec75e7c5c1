-- CreateTable
CREATE TABLE "EventCounter" (
    "shopId" INTEGER NOT NULL,
    "dealId" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("shopId", "dealId", "unit", "bucket", "type", "channel")
) WITHOUT ROWID;

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

-- The merchant's numbers read counters instead of scanning raw events: whole
-- days from the daily rows, the hours at the edges of a period from the hourly
-- rows, only the current partial hour from the events. A trigger keeps them,
-- so every way of recording an event (lists, cards, pushes) is counted without
-- the writer knowing. Each event counts four times: for its offer and for its
-- shop (dealId 0), per hour and per day. The channel is the source before ":"
-- ("push:12" counts as "push"). WITHOUT ROWID keeps a shop's rows together in
-- key order, so a period is one short range read.
CREATE TRIGGER "Event_count_after_insert" AFTER INSERT ON "Event"
BEGIN
    INSERT INTO "EventCounter" ("shopId", "dealId", "unit", "bucket", "type", "channel", "count")
    SELECT d."shopId", s."dealId", s."unit", s."bucket", NEW."type", CASE WHEN instr(NEW."source", ':') > 0 THEN substr(NEW."source", 1, instr(NEW."source", ':') - 1) ELSE NEW."source" END, 1
    FROM "Deal" d, (
        SELECT NEW."dealId" AS "dealId", 'h' AS "unit", CAST(strftime('%s', NEW."createdAt") AS INTEGER) / 3600 AS "bucket"
        UNION ALL SELECT NEW."dealId", 'd', CAST(strftime('%s', NEW."createdAt") AS INTEGER) / 86400
        UNION ALL SELECT 0, 'h', CAST(strftime('%s', NEW."createdAt") AS INTEGER) / 3600
        UNION ALL SELECT 0, 'd', CAST(strftime('%s', NEW."createdAt") AS INTEGER) / 86400
    ) s
    WHERE d."id" = NEW."dealId"
    ON CONFLICT ("shopId", "dealId", "unit", "bucket", "type", "channel") DO UPDATE SET "count" = "count" + 1;
END;

-- The existing events, with their hour and channel, for the backfill below.
CREATE TEMP VIEW "_e" AS SELECT "dealId", "type",
    CAST(strftime('%s', "createdAt") AS INTEGER) / 3600 AS "hour",
    CASE WHEN instr("source", ':') > 0 THEN substr("source", 1, instr("source", ':') - 1) ELSE "source" END AS "channel"
FROM "Event";

-- Events recorded before this migration.
INSERT INTO "EventCounter" ("shopId", "dealId", "unit", "bucket", "type", "channel", "count")
SELECT "shopId", "dealId", "unit", "bucket", "type", "channel", SUM("n") FROM (
    SELECT d."shopId", s."dealId", s."unit", s."bucket", s."type", s."channel", s."n"
    FROM (
        SELECT e."dealId" AS "key", e."dealId", 'h' AS "unit", e."hour" AS "bucket", e."type", e."channel", COUNT(*) AS "n" FROM "_e" e GROUP BY 1, 2, 3, 4, 5, 6
        UNION ALL SELECT e."dealId", e."dealId", 'd', e."hour" / 24, e."type", e."channel", COUNT(*) FROM "_e" e GROUP BY 1, 2, 3, 4, 5, 6
        UNION ALL SELECT e."dealId", 0, 'h', e."hour", e."type", e."channel", COUNT(*) FROM "_e" e GROUP BY 1, 2, 3, 4, 5, 6
        UNION ALL SELECT e."dealId", 0, 'd', e."hour" / 24, e."type", e."channel", COUNT(*) FROM "_e" e GROUP BY 1, 2, 3, 4, 5, 6
    ) s JOIN "Deal" d ON d."id" = s."key"
) GROUP BY "shopId", "dealId", "unit", "bucket", "type", "channel";

DROP VIEW "_e";
