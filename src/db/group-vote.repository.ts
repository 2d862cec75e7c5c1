// Groups and their votes (see core/ports/group-vote.port.ts). The writes
// other instances may race (taking the pin ask, closing a vote) are single
// conditional statements: the row changes only if it is still as asked.
import type { GroupRepository, GroupVoteRepository } from "../core/ports/group-vote.port.js";
import type { GroupVote } from "../domain/group-vote.js";
import { retryWhenBusy } from "./busy-retry.js";
import type { Db } from "./client.js";

type GroupVoteRow = Omit<GroupVote, "dealIds" | "votes"> & { dealIds: string; votes: string };

function toGroupVote(row: GroupVoteRow): GroupVote {
  return { ...row, dealIds: JSON.parse(row.dealIds) as number[], votes: JSON.parse(row.votes) as number[] };
}

export function createGroupRepository(db: Db): GroupRepository {
  return {
    async keepPin(chatId, { lat, lng }, at) {
      await retryWhenBusy(() =>
        db.groupChat.upsert({ where: { id: chatId }, create: { id: chatId, lat, lng, locationAt: at }, update: { lat, lng, locationAt: at } }),
      );
    },
    async pin(chatId) {
      const row = await db.groupChat.findUnique({ where: { id: chatId } });
      if (row?.lat == null || row.lng == null || !row.locationAt) return null;
      return { point: { lat: row.lat, lng: row.lng }, at: row.locationAt };
    },
    async askedForVotePin(chatId, messageId) {
      await retryWhenBusy(() =>
        db.groupChat.upsert({ where: { id: chatId }, create: { id: chatId, voteAskMessageId: messageId }, update: { voteAskMessageId: messageId } }),
      );
    },
    async takeVotePinAsk(chatId, messageId) {
      const { count } = await retryWhenBusy(() =>
        db.groupChat.updateMany({ where: { id: chatId, voteAskMessageId: messageId }, data: { voteAskMessageId: null } }),
      );
      return count === 1;
    },
  };
}

export function createGroupVoteRepository(db: Db): GroupVoteRepository {
  return {
    async create(vote) {
      await retryWhenBusy(() =>
        db.groupVote.create({
          data: { ...vote, dealIds: JSON.stringify(vote.dealIds), votes: JSON.stringify(vote.dealIds.map(() => 0)) },
        }),
      );
    },
    async find(pollId) {
      const row = await db.groupVote.findUnique({ where: { pollId } });
      return row ? toGroupVote(row) : null;
    },
    async findByMessage(chatId, messageId) {
      const row = await db.groupVote.findUnique({ where: { chatId_messageId: { chatId, messageId } } });
      return row ? toGroupVote(row) : null;
    },
    async saveVotes(pollId, votes, dueBy) {
      const json = JSON.stringify(votes);
      await retryWhenBusy(async () => {
        await db.groupVote.updateMany({ where: { pollId, closedAt: null }, data: { votes: json } });
        if (dueBy) await db.groupVote.updateMany({ where: { pollId, closedAt: null, closesAt: { gt: dueBy } }, data: { closesAt: dueBy } });
      });
    },
    async close(pollId, votes, winnerDealId, at) {
      const { count } = await retryWhenBusy(() =>
        db.groupVote.updateMany({ where: { pollId, closedAt: null }, data: { votes: JSON.stringify(votes), winnerDealId, closedAt: at } }),
      );
      return count === 1;
    },
    async due(closedBy, limit) {
      const rows = await db.groupVote.findMany({ where: { closedAt: null, closesAt: { lte: closedBy } }, orderBy: { closesAt: "asc" }, take: limit });
      return rows.map(toGroupVote);
    },
  };
}
