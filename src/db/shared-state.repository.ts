// What bot instances sharing the database must agree on (see
// core/ports/shared-state.port.ts). Each write is one statement that decides
// by itself who wins: an insert that does nothing when the key exists, or an
// update that holds only at the version read. The SQL is the same on SQLite
// and PostgreSQL.
import type { ModelAnswerRepository, RateLimitRepository, TakenUpdateRepository } from "../core/ports/shared-state.port.js";
import { retryWhenBusy } from "./busy-retry.js";
import type { Db } from "./client.js";

export function createRateLimitRepository(db: Db): RateLimitRepository {
  return {
    async read(key) {
      const row = await db.rateLimitUses.findUnique({ where: { key } });
      if (!row) return null;
      return { uses: (JSON.parse(row.uses) as number[]).map((ms) => new Date(ms)), version: row.version };
    },
    async write(key, uses, version, now) {
      const json = JSON.stringify(uses.map((at) => at.getTime()));
      if (version === null) {
        const inserted = await retryWhenBusy(
          () => db.$executeRaw`
            INSERT INTO "RateLimitUses" ("key", "uses", "version", "updatedAt") VALUES (${key}, ${json}, 1, ${now})
            ON CONFLICT ("key") DO NOTHING`,
        );
        return inserted === 1;
      }
      const { count } = await retryWhenBusy(() =>
        db.rateLimitUses.updateMany({ where: { key, version }, data: { uses: json, version: version + 1, updatedAt: now } }),
      );
      return count === 1;
    },
    async forgetBefore(before) {
      return (await retryWhenBusy(() => db.rateLimitUses.deleteMany({ where: { updatedAt: { lt: before } } }))).count;
    },
  };
}

export function createModelAnswerRepository(db: Db): ModelAnswerRepository {
  return {
    async get(key, since) {
      const row = await db.modelAnswer.findUnique({ where: { key } });
      return row && row.at >= since ? (JSON.parse(row.answer) as unknown) : undefined;
    },
    async put(key, answer, at) {
      const json = JSON.stringify(answer);
      await retryWhenBusy(
        () => db.$executeRaw`
          INSERT INTO "ModelAnswer" ("key", "answer", "at") VALUES (${key}, ${json}, ${at})
          ON CONFLICT ("key") DO UPDATE SET "answer" = excluded."answer", "at" = excluded."at"`,
      );
    },
    async forgetBefore(before) {
      return (await retryWhenBusy(() => db.modelAnswer.deleteMany({ where: { at: { lt: before } } }))).count;
    },
  };
}

export function createTakenUpdateRepository(db: Db): TakenUpdateRepository {
  return {
    async claim(updateId, at) {
      const inserted = await retryWhenBusy(
        () => db.$executeRaw`INSERT INTO "TakenUpdate" ("updateId", "at") VALUES (${updateId}, ${at}) ON CONFLICT ("updateId") DO NOTHING`,
      );
      return inserted === 1;
    },
    async forgetBefore(before) {
      return (await retryWhenBusy(() => db.takenUpdate.deleteMany({ where: { at: { lt: before } } }))).count;
    },
  };
}
