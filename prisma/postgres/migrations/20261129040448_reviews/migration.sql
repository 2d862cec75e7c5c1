-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "ratingCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ratingSum" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Voucher" ADD COLUMN     "reviewAskedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Review" (
    "id" SERIAL NOT NULL,
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
    "repliedAt" TIMESTAMP(3),
    "hiddenAt" TIMESTAMP(3),
    "hiddenReason" TEXT,
    "hiddenById" BIGINT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewVote" (
    "reviewId" INTEGER NOT NULL,
    "userId" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewVote_pkey" PRIMARY KEY ("reviewId","userId")
);

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
