-- DropTable
DROP TABLE "RedeemFailure";

-- CreateTable
CREATE TABLE "RateLimitUses" (
    "key" TEXT NOT NULL,
    "uses" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitUses_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ModelAnswer" (
    "key" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModelAnswer_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "TakenUpdate" (
    "updateId" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TakenUpdate_pkey" PRIMARY KEY ("updateId")
);

-- CreateIndex
CREATE INDEX "RateLimitUses_updatedAt_idx" ON "RateLimitUses"("updatedAt");

-- CreateIndex
CREATE INDEX "ModelAnswer_at_idx" ON "ModelAnswer"("at");

-- CreateIndex
CREATE INDEX "TakenUpdate_at_idx" ON "TakenUpdate"("at");

