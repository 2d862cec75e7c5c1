import type { UserRepository } from "../core/ports/user.port.js";
import type { TelegramProfile, User } from "../domain/user.js";
import { readerOf, type Db } from "./client.js";

const COLUMNS = [
  "id", "firstName", "username", "language", "source", "lastLat", "lastLng",
  "lastLocationAt", "blockedAt", "createdAt", "updatedAt", "telegramLanguage",
] as const satisfies readonly (keyof User)[];
const FIND = `SELECT ${COLUMNS.map((c) => `"${c}"`).join(", ")} FROM "User" WHERE "id" = ?`;

const dateOf = (value: unknown): Date | null => (value === null ? null : new Date(value as string | number));

function userOf([id, firstName, username, language, source, lastLat, lastLng, lastLocationAt, blockedAt, createdAt, updatedAt, telegramLanguage]: unknown[]): User {
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
      if (!found) return db.user.create({ data: { id, ...fields } });
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
    setLocation(id: bigint, lat: number, lng: number, at: Date) {
      return db.user.update({ where: { id }, data: { lastLat: lat, lastLng: lng, lastLocationAt: at } });
    },
    touchLocation(id: bigint, at: Date) {
      return db.user.update({ where: { id }, data: { lastLocationAt: at } });
    },
    async setBlocked(id: bigint, at: Date | null): Promise<void> {
      await db.user.updateMany({ where: { id }, data: { blockedAt: at } });
    },
  };
}
