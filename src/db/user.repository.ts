import type { UserRepository } from "../core/ports/user.port.js";
import type { TelegramProfile, User } from "../domain/user.js";
import { readerOf, type Db } from "./client.js";
import { dateOf } from "./rows.js";

const COLUMNS = [
  "id", "firstName", "username", "language", "source", "lastLat", "lastLng",
  "lastLocationAt", "blockedAt", "createdAt", "updatedAt", "telegramLanguage", "voucherRemindersOffAt",
] as const satisfies readonly (keyof User)[];
const FIND = `SELECT ${COLUMNS.map((c) => `"${c}"`).join(", ")} FROM "User" WHERE "id" = ?`;

function userOf([id, firstName, username, language, source, lastLat, lastLng, lastLocationAt, blockedAt, createdAt, updatedAt, telegramLanguage, voucherRemindersOffAt]: unknown[]): User {
  return {
    id: BigInt(id as number | bigint),
    firstName: firstName as string,
    username: username as string | null,
    language: language as string | null,
    source: source as string | null,
    lastLat: lastLat as number | null,
    lastLng: lastLng as number | null,
    lastLocationAt: dateOf(lastLocationAt),
    blockedAt: dateOf(blockedAt),
    createdAt: dateOf(createdAt)!,
    updatedAt: dateOf(updatedAt)!,
    telegramLanguage: telegramLanguage as string | null,
    voucherRemindersOffAt: dateOf(voucherRemindersOffAt),
  };
}

export function createUserRepository(db: Db): UserRepository {
  /** Every update reads its sender: on the reader, where the statement stays prepared and no query is planned (see Reader). */
  async function find(id: bigint): Promise<User | null> {
    const [row] = await (await readerOf(db)).rows(FIND, [id]);
    return row ? userOf(row) : null;
  }

  return {
    find,
    async ensure(profile: TelegramProfile): Promise<User> {
      const id = BigInt(profile.id);
      const fields = {
        firstName: profile.firstName,
        username: profile.username ?? null,
        telegramLanguage: profile.languageCode ?? null,
      };
      const found = await find(id);
      if (!found) {
        // A plain INSERT, as the location below: the client plans each of its
        // writes anew, about 1 ms of CPU against 0.3 (measured), on every new
        // user's first update. Two first updates at once (the chat and the
        // Mini App) both end with the one row.
        const now = new Date();
        await db.$executeRaw`
          INSERT INTO "User" ("id", "firstName", "username", "telegramLanguage", "createdAt", "updatedAt")
          VALUES (${id}, ${fields.firstName}, ${fields.username}, ${fields.telegramLanguage}, ${now}, ${now})
          ON CONFLICT ("id") DO NOTHING`;
        return (await find(id))!;
      }
      const same =
        found.firstName === fields.firstName &&
        found.username === fields.username &&
        found.telegramLanguage === fields.telegramLanguage;
      return same ? found : db.user.update({ where: { id }, data: fields });
    },
    async setSourceIfUnset(id: bigint, source: string): Promise<void> {
      await db.user.updateMany({ where: { id, source: null }, data: { source } });
    },
    setLanguage(id: bigint, language: string | null) {
      return db.user.update({ where: { id }, data: { language } });
    },
    // Every location shared is kept: plain UPDATEs (see the INSERT above);
    // updatedAt is the time of the write, as the client sets it.
    async setLocation(id: bigint, lat: number, lng: number, at: Date) {
      await db.$executeRaw`
        UPDATE "User" SET "lastLat" = ${lat}, "lastLng" = ${lng}, "lastLocationAt" = ${at}, "updatedAt" = ${new Date()} WHERE "id" = ${id}`;
    },
    async touchLocation(id: bigint, at: Date) {
      await db.$executeRaw`UPDATE "User" SET "lastLocationAt" = ${at}, "updatedAt" = ${new Date()} WHERE "id" = ${id}`;
    },
    async setBlocked(id: bigint, at: Date | null): Promise<void> {
      await db.user.updateMany({ where: { id }, data: { blockedAt: at } });
    },
  };
}
