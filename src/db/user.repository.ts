import type { Db } from "./client.js";
import type { User } from "../generated/prisma/client.js";

export type { User };

export interface TelegramProfile {
  id: number;
  firstName: string;
  username?: string;
  languageCode?: string;
}

export function createUserRepository(db: Db) {
  return {
    find(id: bigint): Promise<User | null> {
      return db.user.findUnique({ where: { id } });
    },
    /**
     * The user behind an update: created on first contact, updated when their
     * Telegram name or app language changed, otherwise only read (no write per update).
     */
    async ensure(profile: TelegramProfile): Promise<User> {
      const id = BigInt(profile.id);
      const fields = {
        firstName: profile.firstName,
        username: profile.username ?? null,
        telegramLanguage: profile.languageCode ?? null,
      };
      const found = await db.user.findUnique({ where: { id } });
      if (!found) return db.user.create({ data: { id, ...fields } });
      const same =
        found.firstName === fields.firstName &&
        found.username === fields.username &&
        found.telegramLanguage === fields.telegramLanguage;
      return same ? found : db.user.update({ where: { id }, data: fields });
    },
    /** The first deep-link source is kept forever (attribution). */
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
    /** Blocked (a date) or back (null); pushes skip blocked users. */
    async setBlocked(id: bigint, at: Date | null): Promise<void> {
      await db.user.updateMany({ where: { id }, data: { blockedAt: at } });
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
