-- CreateTable
CREATE TABLE "ReferralSetting" (
    "dealId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "rewardDealId" INTEGER,
    "cap" INTEGER NOT NULL DEFAULT 10,
    "capPeriod" TEXT NOT NULL DEFAULT 'month',
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReferralReward" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dealId" INTEGER NOT NULL,
    "friendId" BIGINT NOT NULL,
    "sharerId" BIGINT NOT NULL,
    "shareId" INTEGER NOT NULL,
    "voucherId" INTEGER NOT NULL,
    "rewardOrderId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "ReferralReward_voucherId_key" ON "ReferralReward"("voucherId");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralReward_rewardOrderId_key" ON "ReferralReward"("rewardOrderId");

-- CreateIndex
CREATE INDEX "ReferralReward_dealId_createdAt_idx" ON "ReferralReward"("dealId", "createdAt");

-- CreateIndex
CREATE INDEX "ReferralReward_sharerId_idx" ON "ReferralReward"("sharerId");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralReward_dealId_friendId_key" ON "ReferralReward"("dealId", "friendId");

