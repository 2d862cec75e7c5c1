-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "RedeemFailure";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "RateLimitUses" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "uses" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ModelAnswer" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "answer" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TakenUpdate" (
    "updateId" BIGINT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "RateLimitUses_updatedAt_idx" ON "RateLimitUses"("updatedAt");

-- CreateIndex
CREATE INDEX "ModelAnswer_at_idx" ON "ModelAnswer"("at");

-- CreateIndex
CREATE INDEX "TakenUpdate_at_idx" ON "TakenUpdate"("at");

