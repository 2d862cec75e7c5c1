-- CreateTable
CREATE TABLE "GroupChat" (
    "id" BIGINT NOT NULL PRIMARY KEY,
    "lat" REAL,
    "lng" REAL,
    "locationAt" DATETIME,
    "voteAskMessageId" INTEGER
);

-- CreateTable
CREATE TABLE "GroupVote" (
    "pollId" TEXT NOT NULL PRIMARY KEY,
    "chatId" BIGINT NOT NULL,
    "messageId" INTEGER NOT NULL,
    "starterId" BIGINT NOT NULL,
    "dealIds" TEXT NOT NULL,
    "votes" TEXT NOT NULL,
    "lat" REAL NOT NULL,
    "lng" REAL NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "winnerDealId" INTEGER
);

-- CreateIndex
CREATE INDEX "GroupVote_closedAt_closesAt_idx" ON "GroupVote"("closedAt", "closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "GroupVote_chatId_messageId_key" ON "GroupVote"("chatId", "messageId");
