// A push job over a bot harness: the real job, repositories and messaging, its
// messages going through the harness as Telegram would take them.
import { pino } from "pino";
import { createBotMessaging } from "../../src/bot/messaging.js";
import { createPushJob } from "../../src/jobs/push.job.js";
import { createSendPacer, type SendPacer } from "../../src/jobs/send-pacer.js";
import type { Category } from "../../src/domain/categories.js";
import { offsetMeters } from "../../src/seed/random.js";
import type { ApiCall, BotHarness } from "../support/bot-harness.js";

export const SHANGHAI = { lat: 31.2304, lng: 121.4737 };
export const NEW_YORK = { lat: 40.758, lng: -73.9855 };
export const HOUR = 3_600_000;

export function pushJob(h: BotHarness, pacer: SendPacer = createSendPacer(1000)) {
  return createPushJob({
    subscriptions: h.db.repos.subscriptions,
    follows: h.db.repos.follows,
    pushes: h.db.repos.pushes,
    users: h.db.repos.users,
    messaging: createBotMessaging(h.bot.notifier),
    pacer,
    clock: () => h.clock(),
    logger: pino({ level: "silent" }),
  });
}

/** A subscriber (a user who has talked to the bot) watching a place with the default settings. */
export async function subscriber(h: BotHarness, id: number, place: { lat: number; lng: number }, locale = "en") {
  await h.db.repos.users.ensure({ id, firstName: `User ${id}` });
  return h.services.subscriptions.subscribe(BigInt(id), place, locale);
}

/** A shop `metres` east of a place, and its owner id. */
export async function shopNear(h: BotHarness, ownerId: number, place: { lat: number; lng: number }, metres = 500, category: Category = "food") {
  await h.shop(ownerId, { ...offsetMeters(place.lat, place.lng, metres, 0), category, name: `Shop ${ownerId}` });
  return ownerId;
}

/** The digests the bot sent to a chat, among the given calls. */
export function digestsTo(calls: ApiCall[], chatId: number): ApiCall[] {
  return calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId && /^🔔/.test(c.text) && !(c.result as { refused?: string } | undefined)?.refused);
}
