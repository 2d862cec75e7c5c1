// /staff: the owner invites staff with a single-use deep link and removes
// them. Whoever opens the link can redeem vouchers for the shop, nothing more.
import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { INVITE_PREFIX } from "../../core/console.service.js";
import { callbackCodec, id } from "../callback-data.js";
import type { ConsoleService } from "../../core/console.service.js";
import type { BotContext } from "../context.js";
import type { Notifier } from "../notifier.js";
import { escapeHtml, localDate, localeOf } from "../format.js";
import { ignoreUnchanged } from "../console/unchanged.js";
import { answerExpired, CLOSE_DATA } from "../keyboards.js";
import { addPagerRow, paginate } from "../pager.js";

/** i new invite link · x remove (u: the member's user id) · p page; p: the list's page, to stay on it */
const staffButton = callbackCodec("sf", { a: z.enum(["i", "x", "p"]), u: z.string().regex(/^\d{1,15}$/), p: id });
const STAFF_PER_PAGE = 10;

/** Runs before /start's own handler: only invitation links stop here. */
export function createStaffInviteFeature({ console, notifier }: { console: ConsoleService; notifier: Notifier }): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("start", async (ctx, next) => {
    const payload = ctx.match.trim();
    if (!payload.startsWith(INVITE_PREFIX)) return next();
    const shop = await console.acceptInvite(ctx.user.id, payload.slice(INVITE_PREFIX.length));
    await ctx.reply(ctx.t("staff-joined", { name: escapeHtml(shop.name) }), { parse_mode: "HTML" });
    await notifier.tell(shop.ownerId, "staff-joined-owner", { name: escapeHtml(ctx.user.firstName) });
  });

  return feature;
}

export function createStaffFeature({ console }: { console: ConsoleService }): Composer<BotContext> {
  async function staffScreen(ctx: BotContext, page: number) {
    const { shop, members } = await console.staff(ctx.user.id);
    const keyboard = new InlineKeyboard();
    const invite = () => keyboard.text(ctx.t("staff-invite"), staffButton.pack({ a: "i", u: "0", p: 0 })).row().text(ctx.t("close"), CLOSE_DATA);
    if (members.length === 0) return { text: ctx.t("staff-none", { name: escapeHtml(shop.name) }), keyboard: invite() };
    const shown = paginate(members, {
      perPage: STAFF_PER_PAGE,
      header: ctx.t("staff-header", { name: escapeHtml(shop.name), count: members.length }),
      line: (m) => `• ${escapeHtml(m.firstName)}`,
      t: ctx.t.bind(ctx),
      at: { page },
    });
    for (const { item: m } of shown.entries) {
      keyboard.text(ctx.t("staff-remove", { name: m.firstName }), staffButton.pack({ a: "x", u: String(m.userId), p: shown.page })).row();
    }
    addPagerRow(keyboard, shown, (p) => staffButton.pack({ a: "p", u: "0", p }));
    return { text: shown.text, keyboard: invite() };
  }

  const feature = new Composer<BotContext>();

  feature.command("staff", async (ctx) => {
    const { text, keyboard } = await staffScreen(ctx, 0);
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
  });

  feature.callbackQuery(staffButton.filter, async (ctx) => {
    const pressed = staffButton.unpack(ctx.callbackQuery.data);
    if (!pressed) return answerExpired(ctx);
    if (pressed.a === "i") {
      const invite = await console.createInvite(ctx.user.id);
      await ctx.answerCallbackQuery();
      const link = `https://t.me/${ctx.me.username}?start=${invite.payload}`;
      return ctx.reply(ctx.t("staff-link", { link, expires: localDate(invite.expiresAt, invite.shop, await localeOf(ctx)) }), {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
      });
    }
    if (pressed.a === "x") {
      await console.removeStaff(ctx.user.id, BigInt(pressed.u));
      await ctx.answerCallbackQuery({ text: ctx.t("staff-removed") });
    }
    // The list is the presser's own shop's, whatever page the button names.
    const { text, keyboard } = await staffScreen(ctx, pressed.p);
    if (pressed.a === "p") await ctx.answerCallbackQuery();
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard }).catch(ignoreUnchanged);
  });

  return feature;
}
