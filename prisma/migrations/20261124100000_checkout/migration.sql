-- AlterTable
ALTER TABLE "User" ADD COLUMN "telegramLanguage" TEXT;

-- CreateTable
CREATE TABLE "Order" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dealId" INTEGER NOT NULL,
    "buyerId" BIGINT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "unitPriceMinor" INTEGER NOT NULL,
    "unitOriginalMinor" INTEGER NOT NULL,
    "totalMinor" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "reservedUntil" DATETIME NOT NULL,
    "telegramChargeId" TEXT,
    "providerChargeId" TEXT,
    "paidAt" DATETIME,
    "deliveredAt" DATETIME,
    "refundRequestedAt" DATETIME,
    "refundMinor" INTEGER NOT NULL DEFAULT 0,
    "refundedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Order_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Order_buyerId_fkey" FOREIGN KEY ("buyerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Voucher" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "orderId" INTEGER NOT NULL,
    "dealId" INTEGER NOT NULL,
    "holderId" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "redeemedAt" DATETIME,
    "redeemedById" BIGINT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Voucher_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Voucher_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Voucher_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RedeemFailure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" BIGINT NOT NULL,
    "at" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Deal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shopId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "finePrint" TEXT NOT NULL DEFAULT '',
    "photoFileId" TEXT,
    "currency" TEXT NOT NULL,
    "priceMinor" INTEGER NOT NULL,
    "originalPriceMinor" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "stockLeft" INTEGER NOT NULL,
    "perPersonLimit" INTEGER NOT NULL,
    "soldCount" INTEGER NOT NULL DEFAULT 0,
    "voucherValidDays" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "lat" REAL NOT NULL,
    "lng" REAL NOT NULL,
    "cell4" TEXT NOT NULL,
    "cell5" TEXT NOT NULL,
    "cell6" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "refundPolicy" TEXT NOT NULL DEFAULT 'ANYTIME',
    "minBuyers" INTEGER NOT NULL DEFAULT 0,
    "groupReachedAt" DATETIME,
    CONSTRAINT "Deal_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Deal" ("category", "cell4", "cell5", "cell6", "createdAt", "currency", "description", "endsAt", "finePrint", "id", "lat", "lng", "originalPriceMinor", "perPersonLimit", "photoFileId", "priceMinor", "quantity", "shopId", "soldCount", "startsAt", "status", "stockLeft", "title", "updatedAt", "voucherValidDays") SELECT "category", "cell4", "cell5", "cell6", "createdAt", "currency", "description", "endsAt", "finePrint", "id", "lat", "lng", "originalPriceMinor", "perPersonLimit", "photoFileId", "priceMinor", "quantity", "shopId", "soldCount", "startsAt", "status", "stockLeft", "title", "updatedAt", "voucherValidDays" FROM "Deal";
DROP TABLE "Deal";
ALTER TABLE "new_Deal" RENAME TO "Deal";
CREATE INDEX "Deal_status_cell4_category_idx" ON "Deal"("status", "cell4", "category");
CREATE INDEX "Deal_status_cell5_category_idx" ON "Deal"("status", "cell5", "category");
CREATE INDEX "Deal_status_cell6_category_idx" ON "Deal"("status", "cell6", "category");
CREATE INDEX "Deal_shopId_idx" ON "Deal"("shopId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Order_telegramChargeId_key" ON "Order"("telegramChargeId");

-- CreateIndex
CREATE INDEX "Order_dealId_status_idx" ON "Order"("dealId", "status");

-- CreateIndex
CREATE INDEX "Order_buyerId_dealId_idx" ON "Order"("buyerId", "dealId");

-- CreateIndex
CREATE INDEX "Order_status_reservedUntil_idx" ON "Order"("status", "reservedUntil");

-- CreateIndex
CREATE INDEX "Order_status_deliveredAt_idx" ON "Order"("status", "deliveredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Voucher_code_key" ON "Voucher"("code");

-- CreateIndex
CREATE INDEX "Voucher_holderId_createdAt_idx" ON "Voucher"("holderId", "createdAt");

-- CreateIndex
CREATE INDEX "Voucher_dealId_status_idx" ON "Voucher"("dealId", "status");

-- CreateIndex
CREATE INDEX "Voucher_status_expiresAt_idx" ON "Voucher"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "Voucher_orderId_idx" ON "Voucher"("orderId");

-- CreateIndex
CREATE INDEX "RedeemFailure_userId_at_idx" ON "RedeemFailure"("userId", "at");

