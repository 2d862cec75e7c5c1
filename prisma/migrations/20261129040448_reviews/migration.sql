-- AlterTable
ALTER TABLE "Voucher" ADD COLUMN "reviewAskedAt" DATETIME;

-- CreateTable
CREATE TABLE "Review" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "voucherId" INTEGER NOT NULL,
    "shopId" INTEGER NOT NULL,
    "dealId" INTEGER NOT NULL,
    "authorId" BIGINT NOT NULL,
    "stars" INTEGER NOT NULL,
    "quality" INTEGER,
    "service" INTEGER,
    "value" INTEGER,
    "text" TEXT NOT NULL DEFAULT '',
    "photos" TEXT NOT NULL DEFAULT '[]',
    "helpful" INTEGER NOT NULL DEFAULT 0,
    "reply" TEXT,
    "repliedAt" DATETIME,
    "hiddenAt" DATETIME,
    "hiddenReason" TEXT,
    "hiddenById" BIGINT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ReviewVote" (
    "reviewId" INTEGER NOT NULL,
    "userId" BIGINT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("reviewId", "userId")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Shop" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ownerId" BIGINT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "lat" REAL NOT NULL,
    "lng" REAL NOT NULL,
    "address" TEXT NOT NULL,
    "openingHours" TEXT NOT NULL,
    "photoFileId" TEXT,
    "status" TEXT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'XXX',
    "ratingSum" INTEGER NOT NULL DEFAULT 0,
    "ratingCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Shop_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Shop" ("address", "category", "createdAt", "currency", "id", "lat", "lng", "name", "openingHours", "ownerId", "photoFileId", "status", "updatedAt") SELECT "address", "category", "createdAt", "currency", "id", "lat", "lng", "name", "openingHours", "ownerId", "photoFileId", "status", "updatedAt" FROM "Shop";
DROP TABLE "Shop";
ALTER TABLE "new_Shop" RENAME TO "Shop";
CREATE UNIQUE INDEX "Shop_ownerId_key" ON "Shop"("ownerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Review_voucherId_key" ON "Review"("voucherId");

-- CreateIndex
CREATE INDEX "Review_shopId_hiddenAt_createdAt_idx" ON "Review"("shopId", "hiddenAt", "createdAt");

-- CreateIndex
CREATE INDEX "Review_shopId_hiddenAt_helpful_idx" ON "Review"("shopId", "hiddenAt", "helpful");

-- CreateIndex
CREATE INDEX "Review_authorId_idx" ON "Review"("authorId");

-- CreateIndex
CREATE INDEX "Voucher_status_reviewAskedAt_redeemedAt_idx" ON "Voucher"("status", "reviewAskedAt", "redeemedAt");


-- Vouchers redeemed before reviews existed are not asked about now: their
-- holders can still review them from /mycodes.
UPDATE "Voucher" SET "reviewAskedAt" = "redeemedAt" WHERE "status" = 'REDEEMED';
