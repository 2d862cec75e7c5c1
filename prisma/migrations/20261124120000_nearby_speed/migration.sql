-- DropIndex
DROP INDEX "Deal_status_cell4_category_idx";

-- DropIndex
DROP INDEX "Deal_status_cell5_category_idx";

-- DropIndex
DROP INDEX "Deal_status_cell6_category_idx";

-- CreateTable
-- WITHOUT ROWID added by hand: the count sits in the primary key's b-tree, so
-- reading a cell's counts is one seek instead of a seek and a row lookup (half
-- the time, measured). PostgreSQL: PRIMARY KEY ("cell", "category") INCLUDE ("active").
CREATE TABLE "DealCellCount" (
    "cell" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "active" INTEGER NOT NULL,

    PRIMARY KEY ("cell", "category")
) WITHOUT ROWID;

-- CreateIndex
CREATE INDEX "Deal_status_cell4_category_lat_lng_idx" ON "Deal"("status", "cell4", "category", "lat", "lng");

-- CreateIndex
CREATE INDEX "Deal_status_cell5_category_lat_lng_idx" ON "Deal"("status", "cell5", "category", "lat", "lng");

-- CreateIndex
CREATE INDEX "Deal_status_cell6_category_lat_lng_idx" ON "Deal"("status", "cell6", "category", "lat", "lng");

-- Written by hand (Prisma does not model triggers): keep DealCellCount equal to
-- the ACTIVE deals per cell and category, whoever writes the Deal table.
-- On PostgreSQL the same bodies go into trigger functions (plpgsql).
CREATE TRIGGER "Deal_cellCount_insert" AFTER INSERT ON "Deal"
WHEN NEW."status" = 'ACTIVE'
BEGIN
    INSERT INTO "DealCellCount" ("cell", "category", "active")
    VALUES (NEW."cell4", NEW."category", 1), (NEW."cell5", NEW."category", 1), (NEW."cell6", NEW."category", 1)
    ON CONFLICT ("cell", "category") DO UPDATE SET "active" = "active" + 1;
END;

CREATE TRIGGER "Deal_cellCount_delete" AFTER DELETE ON "Deal"
WHEN OLD."status" = 'ACTIVE'
BEGIN
    UPDATE "DealCellCount" SET "active" = "active" - 1
    WHERE "category" = OLD."category" AND "cell" IN (OLD."cell4", OLD."cell5", OLD."cell6");
END;

CREATE TRIGGER "Deal_cellCount_updateOld" AFTER UPDATE OF "status", "category", "cell4", "cell5", "cell6" ON "Deal"
WHEN OLD."status" = 'ACTIVE'
BEGIN
    UPDATE "DealCellCount" SET "active" = "active" - 1
    WHERE "category" = OLD."category" AND "cell" IN (OLD."cell4", OLD."cell5", OLD."cell6");
END;

CREATE TRIGGER "Deal_cellCount_updateNew" AFTER UPDATE OF "status", "category", "cell4", "cell5", "cell6" ON "Deal"
WHEN NEW."status" = 'ACTIVE'
BEGIN
    INSERT INTO "DealCellCount" ("cell", "category", "active")
    VALUES (NEW."cell4", NEW."category", 1), (NEW."cell5", NEW."category", 1), (NEW."cell6", NEW."category", 1)
    ON CONFLICT ("cell", "category") DO UPDATE SET "active" = "active" + 1;
END;

-- The deals that exist already.
INSERT INTO "DealCellCount" ("cell", "category", "active")
SELECT "cell", "category", COUNT(*) FROM (
    SELECT "cell4" AS "cell", "category" FROM "Deal" WHERE "status" = 'ACTIVE'
    UNION ALL SELECT "cell5", "category" FROM "Deal" WHERE "status" = 'ACTIVE'
    UNION ALL SELECT "cell6", "category" FROM "Deal" WHERE "status" = 'ACTIVE'
) GROUP BY "cell", "category";
