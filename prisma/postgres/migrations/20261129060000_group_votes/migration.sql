-- CreateTable
CREATE TABLE "GroupChat" (
    "id" BIGINT NOT NULL,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "locationAt" TIMESTAMP(3),
    "voteAskMessageId" INTEGER,

    CONSTRAINT "GroupChat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupVote" (
    "pollId" TEXT NOT NULL,
    "chatId" BIGINT NOT NULL,
    "messageId" INTEGER NOT NULL,
    "starterId" BIGINT NOT NULL,
    "dealIds" TEXT NOT NULL,
    "votes" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "winnerDealId" INTEGER,

    CONSTRAINT "GroupVote_pkey" PRIMARY KEY ("pollId")
);

-- CreateIndex
CREATE INDEX "GroupVote_closedAt_closesAt_idx" ON "GroupVote"("closedAt", "closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "GroupVote_chatId_messageId_key" ON "GroupVote"("chatId", "messageId");
