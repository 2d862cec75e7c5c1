// The owner's evening summary: today's numbers, once a day, when the shop's
// local clock has passed the summary hour. Run every few minutes; each shop's
// day is claimed in the database before sending, so a restart or a second
// process never sends it twice.
import { InlineKeyboard } from "grammy";
import type { SummaryRepository } from "../db/summary.repository.js";
import { localDay, localHour, timeZoneOf } from "../domain/local-time.js";
import type { Logger } from "../logger.js";
import type { StatsService } from "../core/stats.service.js";
import { renderFigures } from "../bot/console/stats-view.js";
import { summaryButton } from "../bot/features/summary-toggle.js";
import { escapeHtml } from "../bot/html.js";
import type { Notifier } from "../bot/notifier.js";

export interface DailySummaryDeps {
  summaries: SummaryRepository;
  stats: StatsService;
  /** Writes to each owner in their language. */
  notifier: Notifier;
  logger: Logger;
  /** Local hour (0–23) after which the day's summary goes out. */
  hour: number;
}

export function createDailySummaryJob({ summaries, stats, notifier, logger, hour }: DailySummaryDeps) {
  /** Sends the summaries due at `now`; returns how many were sent. */
  return async function sendDailySummaries(now: Date): Promise<number> {
    let sent = 0;
    for (const { shop, lastSentOn } of await summaries.candidates()) {
      const zone = timeZoneOf(shop);
      const day = localDay(now, zone);
      if (localHour(now, zone) < hour || lastSentOn === day) continue;
      if (!(await summaries.claimDay(shop.id, day))) continue;
      const { locale, t } = await notifier.recipient(shop.ownerId);
      const figures = await stats.figures(shop, "today", undefined, now);
      const text = `${t("summary-intro")}\n\n${renderFigures(t, locale, { name: escapeHtml(shop.name), period: "today", figures, currency: shop.currency })}`;
      const keyboard = new InlineKeyboard().text(t("summary-stop"), summaryButton.pack({ on: "0" }));
      try {
        await notifier.api.sendMessage(Number(shop.ownerId), text, { parse_mode: "HTML", reply_markup: keyboard });
        sent++;
      } catch (error) {
        logger.warn({ err: error, shopId: shop.id }, "could not send the daily summary");
      }
    }
    return sent;
  };
}

export type SendDailySummaries = ReturnType<typeof createDailySummaryJob>;
