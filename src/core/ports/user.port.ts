import type { TelegramProfile, User } from "../../domain/user.js";

export interface UserRepository {
  find(id: bigint): Promise<User | null>;
  /**
   * The user behind an update: created on first contact, updated when their
   * Telegram name or app language changed, otherwise only read (no write per update).
   */
  ensure(profile: TelegramProfile): Promise<User>;
  /** The first deep-link source is kept forever (attribution). */
  setSourceIfUnset(id: bigint, source: string): Promise<void>;
  setLanguage(id: bigint, language: string | null): Promise<User>;
  setLocation(id: bigint, lat: number, lng: number, at: Date): Promise<void>;
  touchLocation(id: bigint, at: Date): Promise<void>;
  /** Blocked (a date) or back (null); pushes skip blocked users. */
  setBlocked(id: bigint, at: Date | null): Promise<void>;
}
