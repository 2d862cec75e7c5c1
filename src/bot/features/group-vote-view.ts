// A group's vote as the group sees it: the poll (a question and one option
// per deal, each within Telegram's limits) with its Close button, and the
// winner's card, whose Buy opens the deal in the member's private chat with
// the bot (no invoice, no voucher, nothing personal in the group).
import { InlineKeyboard } from "grammy";
import type { NearbyDeal } from "../../core/nearby.service.js";
import type { DealWithShop } from "../../domain/deal.js";
import { distanceMeters } from "../../domain/geo.js";
import type { GroupVote } from "../../domain/group-vote.js";
import { shownDiscountPercent } from "../../domain/money.js";
import { fitTelegram, POLL_OPTION_MAX, POLL_QUESTION_MAX, telegramLength } from "../../domain/telegram-text.js";
import { escapeHtml, priceOf } from "../format.js";
import type { Translate } from "../i18n.js";
import { dealLink, shareLink } from "./checkout/voucher-view.js";
import { cardLines } from "./deal-view.js";

/** The Close button under a poll: the poll is the message it is on, so it carries no id. */
export const VOTE_CLOSE_DATA = "vclose";

/** The poll: the question, and each deal as "title · price −percent%", the title cut to fit 100 characters. */
export function votePoll(t: Translate, locale: string, deals: NearbyDeal[], starter: string, minutes: number) {
  const question = fitTelegram(t("vote-question", { name: starter, minutes }), POLL_QUESTION_MAX);
  const options = deals.map((deal) => {
    const percent = shownDiscountPercent(deal.priceMinor, deal.originalPriceMinor);
    const params = { price: priceOf({ t }, deal.priceMinor, deal.currency, locale), discount: percent > 0 ? t("vote-option-discount", { percent }) : "" };
    const room = POLL_OPTION_MAX - telegramLength(t("vote-option", { ...params, title: "" }));
    return t("vote-option", { ...params, title: fitTelegram(deal.title, room) });
  });
  return { question, options, keyboard: new InlineKeyboard().text(t("vote-close"), VOTE_CLOSE_DATA) };
}

/** The winner's card: the deal, its shop and price (as its card says them), Buy into the private chat, and a group deal's invite. */
export function winnerCard(t: Translate, locale: string, botUsername: string, vote: GroupVote, deal: DealWithShop, votes: number) {
  const total = vote.votes.reduce((sum, n) => sum + n, 0);
  const distanceM = distanceMeters({ lat: vote.lat, lng: vote.lng }, deal);
  const { shop, address, price } = cardLines({ t, locale }, { ...deal, shopName: deal.shop.name, address: deal.shop.address, distanceM });
  const about = [
    t("vote-winner", { title: escapeHtml(deal.title), votes, total }),
    shop,
    address,
    price,
    deal.minBuyers > 1 ? t("vote-winner-group", { needed: deal.minBuyers }) : "",
  ].filter(Boolean);
  const keyboard = new InlineKeyboard().url(t("card-buy"), dealLink(botUsername, deal.id));
  if (deal.minBuyers > 1) keyboard.row().url(t("group-invite"), shareLink(botUsername, deal));
  return { text: [...about, "", t("vote-winner-private")].join("\n"), keyboard };
}
