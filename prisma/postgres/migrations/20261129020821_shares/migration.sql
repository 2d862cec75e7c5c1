-- CreateTable
CREATE TABLE "Share" (
    "id" SERIAL NOT NULL,
    "sharerId" BIGINT NOT NULL,
    "dealId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Share_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Share_dealId_idx" ON "Share"("dealId");

-- CreateIndex
CREATE UNIQUE INDEX "Share_sharerId_dealId_key" ON "Share"("sharerId", "dealId");

