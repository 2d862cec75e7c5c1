// Verified reviews in the chat: the stars under the prompt (or on a redeemed
// voucher in /mycodes) open a short form (sub-scores, text, up to 3 photos,
// each skippable); a shop's page lists its reviews with "helpful" votes and
// photos; the owner replies once from the notice or the page; operators hide
// a review with a reason.
import { Composer, InlineKeyboard, type CallbackQueryContext } from "grammy";
import type { InputMediaPhoto } from "grammy/types";
import type { ReviewService } from "../../core/review.service.js";
import type { ShopService } from "../../core/shop.service.js";
import { REVIEW_PHOTOS_MAX, SUB_SCORES, STARS, cleanHideReason, cleanReplyText, cleanReviewText, type ReviewInput, type SubScore } from "../../domain/review.js";
import type { BotContext } from "../context.js";
import { escapeHtml, localeOf } from "../format.js";
import { formButton, pickedValue, sentPhoto, type Forms } from "../forms/form-engine.js";
import type { Translate } from "../i18n.js";
import { answerExpired } from "../keyboards.js";
import {
  helpfulButton,
  hideButton,
  orderOf,
  photosButton,
  replyButton,
  reviewBlock,
  shopPageButton,
  shopPageTurnButton,
  shopPageView,
  starKeyboard,
  starsButton,
  starText,
  writeButton,
} from "./review-view.js";

/** A review being written in the chat: everything it will say, and whether the photos step is over. */
type ReviewDraft = Required<ReviewInput> & { voucherId: number; photosDone: boolean };

export function createReviewsFeature({
  forms,
  reviews,
  shops,
  adminIds,
}: {
  forms: Forms;
  reviews: ReviewService;
  shops: Pick<ShopService, "findByOwner">;
  adminIds: readonly bigint[];
}): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const isOperator = (ctx: BotContext) => adminIds.includes(ctx.user.id);
  const tOf = (ctx: BotContext) => ctx.t.bind(ctx) as Translate;

  const subScoreStep = (key: SubScore) => ({
    id: key,
    reminder: "review-pick-score",
    async prompt(ctx: BotContext, data: Partial<ReviewDraft>, keyboard: InlineKeyboard) {
      const choices = new InlineKeyboard();
      for (const n of STARS) choices.text(`${n}★`, formButton(String(n)));
      await ctx.reply(ctx.t(`review-ask-${key}`, { stars: starText(data.stars ?? 0) }), {
        reply_markup: choices.row().append(keyboard),
      });
    },
    accept(ctx: BotContext) {
      const n = Number(pickedValue(ctx));
      return STARS.includes(n as (typeof STARS)[number]) ? { [key]: n } : null;
    },
    skip: () => ({ [key]: null }),
  });

  const photoStep = (index: number) => ({
    id: `photo${index}`,
    reminder: "review-photo-expected",
    when: (data: Partial<ReviewDraft>) => !data.photosDone && (data.photos?.length ?? 0) === index - 1,
    async prompt(ctx: BotContext, data: Partial<ReviewDraft>, keyboard: InlineKeyboard) {
      const key = index === 1 ? "review-ask-photo" : "review-ask-more-photos";
      await ctx.reply(ctx.t(key, { count: data.photos?.length ?? 0, max: REVIEW_PHOTOS_MAX }), { reply_markup: keyboard });
    },
    accept(ctx: BotContext, data: Partial<ReviewDraft>) {
      const photo = sentPhoto(ctx);
      return photo ? { photos: [...(data.photos ?? []), photo] } : null;
    },
    skip: () => ({ photosDone: true }),
  });

  const reviewForm = forms.define<ReviewDraft>({
    name: "review",
    steps: [
      ...SUB_SCORES.map(subScoreStep),
      {
        id: "text",
        async prompt(ctx, _data, keyboard) {
          await ctx.reply(ctx.t("review-ask-text"), { reply_markup: keyboard });
        },
        accept(ctx) {
          const typed = ctx.message?.text;
          return typed === undefined ? null : { text: cleanReviewText(typed) };
        },
        skip: () => ({ text: "" }),
      },
      ...Array.from({ length: REVIEW_PHOTOS_MAX }, (_, i) => photoStep(i + 1)),
    ],
    async finish(ctx, draft) {
      const review = await reviews.submit(ctx.user.id, draft.voucherId, draft);
      const locale = await localeOf(ctx);
      const shop = await reviews.shop(review.shopId);
      const keyboard = new InlineKeyboard().text(ctx.t("review-see-shop"), shopPageButton.pack({ id: review.shopId, o: "n", p: 0 }));
      await ctx.reply(`${ctx.t("review-posted")}\n\n${reviewBlock(tOf(ctx), locale, review, shop)}`, {
        parse_mode: "HTML",
        reply_markup: keyboard,
      });
    },
  });

  const replyForm = forms.define<{ reviewId: number; text: string }>({
    name: "reviewreply",
    steps: [
      {
        id: "text",
        async prompt(ctx, data, keyboard) {
          // Who may reply is checked by the Reply button before the form
          // opens, and by the reply itself: here the review is only shown.
          const review = await reviews.review(data.reviewId!);
          const block = reviewBlock(tOf(ctx), await localeOf(ctx), review, await reviews.shop(review.shopId));
          await ctx.reply(`${ctx.t("review-ask-reply")}\n\n${block}`, { parse_mode: "HTML", reply_markup: keyboard });
        },
        accept(ctx) {
          const typed = ctx.message?.text;
          return typed === undefined ? null : { text: cleanReplyText(typed) };
        },
      },
    ],
    async finish(ctx, { reviewId, text }) {
      await reviews.reply(ctx.user.id, reviewId, text);
      await ctx.reply(ctx.t("review-reply-posted"));
    },
  });

  const hideForm = forms.define<{ reviewId: number; reason: string }>({
    name: "reviewhide",
    steps: [
      {
        id: "reason",
        async prompt(ctx, _data, keyboard) {
          await ctx.reply(ctx.t("review-ask-hide-reason"), { reply_markup: keyboard });
        },
        accept(ctx) {
          const typed = ctx.message?.text;
          return typed === undefined ? null : { reason: cleanHideReason(typed) };
        },
      },
    ],
    async finish(ctx, { reviewId, reason }) {
      // Checked again at the end: the form may outlive a change of ADMIN_IDS.
      if (!isOperator(ctx)) return ctx.reply(ctx.t("admin-only"));
      await reviews.hide(ctx.user.id, reviewId, reason);
      await ctx.reply(ctx.t("review-hidden-done", { id: reviewId }));
    },
  });

  feature.callbackQuery(starsButton.filter, async (ctx) => {
    const pressed = starsButton.unpack(ctx.callbackQuery.data);
    if (!pressed || pressed.n < 1 || pressed.n > 5) return answerExpired(ctx);
    await reviews.reviewable(ctx.user.id, pressed.id);
    await ctx.answerCallbackQuery({ text: starText(pressed.n) });
    // The stars are chosen: the buttons go, so they cannot start a second review.
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await forms.start(ctx, reviewForm, { voucherId: pressed.id, stars: pressed.n, photos: [] });
  });

  feature.callbackQuery(writeButton.filter, async (ctx) => {
    const pressed = writeButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const voucher = await reviews.reviewable(ctx.user.id, pressed.id);
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("review-ask-stars", { title: escapeHtml(voucher.dealTitle), shop: escapeHtml(voucher.shop.name) }), {
      parse_mode: "HTML",
      reply_markup: starKeyboard(voucher.id),
    });
  });

  async function showShopPage(ctx: BotContext, shopId: number, order: "newest" | "helpful", page: number, edit: boolean) {
    const found = await reviews.shopPage(shopId, order, page);
    const own = await shops.findByOwner(ctx.user.id);
    const { text, keyboard } = await shopPageView(ctx, await localeOf(ctx), found, {
      owner: own?.id === shopId,
      operator: isOperator(ctx),
    });
    if (edit) return ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard }).catch(() => undefined);
    return ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
  }

  /** A page of reviews from `codec`'s button: below the message it is on, or in its place. */
  const shopPageFrom = (codec: typeof shopPageButton, edit: boolean) => async (ctx: CallbackQueryContext<BotContext>) => {
    const pressed = codec.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    await ctx.answerCallbackQuery();
    await showShopPage(ctx, pressed.id, orderOf(pressed.o), pressed.p, edit);
  };
  // The button says where the page goes, whatever the message it is on looks
  // like: a card's or a notice's opens it below, the page's own turn it in place.
  feature.callbackQuery(shopPageButton.filter, shopPageFrom(shopPageButton, false));
  feature.callbackQuery(shopPageTurnButton.filter, shopPageFrom(shopPageTurnButton, true));

  /** /reviews: the owner's own shop page, with Reply on reviews not answered yet. */
  feature.command("reviews", async (ctx) => {
    const shop = await shops.findByOwner(ctx.user.id);
    if (!shop) return ctx.reply(ctx.t("error-not-a-merchant"));
    await showShopPage(ctx, shop.id, "newest", 0, false);
  });

  feature.callbackQuery(helpfulButton.filter, async (ctx) => {
    const pressed = helpfulButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const counted = await reviews.vote(ctx.user.id, pressed.id);
    await ctx.answerCallbackQuery({ text: ctx.t(counted ? "review-helpful-thanks" : "review-helpful-already") });
  });

  feature.callbackQuery(photosButton.filter, async (ctx) => {
    const pressed = photosButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    const photos = await reviews.photos(pressed.id);
    await ctx.answerCallbackQuery();
    if (photos.length === 1) return ctx.replyWithPhoto(photos[0]!);
    const media: InputMediaPhoto[] = photos.map((media) => ({ type: "photo", media }));
    if (media.length > 1) await ctx.replyWithMediaGroup(media);
  });

  feature.callbackQuery(replyButton.filter, async (ctx) => {
    const pressed = replyButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    await reviews.toReply(ctx.user.id, pressed.id);
    await ctx.answerCallbackQuery();
    await forms.start(ctx, replyForm, { reviewId: pressed.id });
  });

  feature.callbackQuery(hideButton.filter, async (ctx) => {
    const pressed = hideButton.unpack(ctx.callbackQuery.data);
    if (!pressed || !isOperator(ctx)) return answerExpired(ctx);
    await ctx.answerCallbackQuery();
    await forms.start(ctx, hideForm, { reviewId: pressed.id });
  });

  return feature;
}
