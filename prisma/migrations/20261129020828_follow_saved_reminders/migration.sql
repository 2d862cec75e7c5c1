-- AlterTable
ALTER TABLE "User" ADD COLUMN "voucherRemindersOffAt" DATETIME;

-- AlterTable
ALTER TABLE "Voucher" ADD COLUMN "remindedAt" DATETIME;

-- AlterTable
ALTER TABLE "PushItem" ADD COLUMN "followedShopId" INTEGER;

-- CreateTable
CREATE TABLE "ShopFollow" (
    "userId" BIGINT NOT NULL,
    "shopId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "shopId"),
    CONSTRAINT "ShopFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ShopFollow_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SavedDeal" (
    "userId" BIGINT NOT NULL,
    "dealId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "remindedAt" DATETIME,

    PRIMARY KEY ("userId", "dealId"),
    CONSTRAINT "SavedDeal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SavedDeal_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ShopFollow_shopId_createdAt_idx" ON "ShopFollow"("shopId", "createdAt");

-- CreateIndex
CREATE INDEX "SavedDeal_remindedAt_dealId_idx" ON "SavedDeal"("remindedAt", "dealId");

