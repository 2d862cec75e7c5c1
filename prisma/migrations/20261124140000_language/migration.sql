-- CreateTable
CREATE TABLE "SearchRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" BIGINT NOT NULL,
    "text" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "readBy" TEXT NOT NULL,
    "pending" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "SearchRequest_userId_pending_createdAt_idx" ON "SearchRequest"("userId", "pending", "createdAt");

