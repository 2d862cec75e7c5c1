-- CreateTable
CREATE TABLE "RedeemConfirmation" (
    "token" TEXT NOT NULL PRIMARY KEY,
    "userId" BIGINT NOT NULL,
    "voucherId" INTEGER NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "RedeemConfirmation_expiresAt_idx" ON "RedeemConfirmation"("expiresAt");

