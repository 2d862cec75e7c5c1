// The owner's evening summary: today's numbers, once a day, when the shop's
// local clock has passed the summary hour. Run every few minutes; each shop's
// day is claimed in the database before sending, so a restart or a second
// process never sends it twice.
import type { Messaging } from "../core/ports/messaging.port.js";
import type { DailySummaryRepository } from "../core/ports/summary.port.js";
import { localDay, localHour, timeZoneOf } from "../domain/local-time.js";
import type { Logger } from "../logger.js";
import type { StatsService } from "../core/stats.service.js";

export interface DailySummaryDeps {
  summaries: DailySummaryRepository;
  stats: StatsService;
  /** Writes to each owner in their language. */
  messaging: Pick<Messaging, "sendDailySummary">;
  logger: Logger;
  /** Local hour (0–23) after which the day's summary goes out. */
  hour: number;
}

export function createDailySummaryJob({ summaries, stats, messaging, logger, hour }: DailySummaryDeps) {
  /** Sends the summaries due at `now`; returns how many were sent. */
  return async function sendDailySummaries(now: Date): Promise<number> {
    let sent = 0;
    for (const { shop, lastSentOn } of await summaries.candidates()) {
      const zone = timeZoneOf(shop);
      const day = localDay(now, zone);
      if (localHour(now, zone) < hour || lastSentOn === day) continue;
      if (!(await summaries.claimDay(shop.id, day))) continue;
      const figures = await stats.figures(shop, "today", undefined, now);
      const outcome = await messaging.sendDailySummary(shop, figures);
      if (outcome.sent) sent++;
      else logger.warn({ err: outcome.error, shopId: shop.id }, "could not send the daily summary");
    }
    return sent;
  };
}

export type SendDailySummaries = ReturnType<typeof createDailySummaryJob>;
