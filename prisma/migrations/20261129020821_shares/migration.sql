-- CreateTable
CREATE TABLE "Share" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sharerId" BIGINT NOT NULL,
    "dealId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Share_dealId_idx" ON "Share"("dealId");

-- CreateIndex
CREATE UNIQUE INDEX "Share_sharerId_dealId_key" ON "Share"("sharerId", "dealId");

