import type { UserRepository } from "../core/ports/user.port.js";
import type { TelegramProfile, User } from "../domain/user.js";
import type { Db } from "./client.js";

export function createUserRepository(db: Db): UserRepository {
  return {
    find(id: bigint): Promise<User | null> {
      return db.user.findUnique({ where: { id } });
    },
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
