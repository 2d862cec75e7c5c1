// My vouchers: each with a QR code large enough to scan at the till, its state
// and expiry, a refund where the policy allows it, and for a redeemed one
// "Rate this visit" (or the stars it was given).
import { api, imageUrl, type Voucher } from "../api.js";
import type { AppContext } from "../context.js";
import { clear, h } from "../dom.js";
import { errorText } from "../errors.js";
import { t } from "../i18n.js";
import type { Screen } from "../router.js";
import { telegram } from "../telegram.js";
import { date, message } from "../ui.js";

export function vouchersScreen(ctx: AppContext): Screen {
  return {
    tab: "app-tab-vouchers",
    title: () => t("app-vouchers-title"),
    mount(root) {
      const list = h("ul", { class: "vouchers", "aria-busy": "true" });
      root.append(list);
      const load = () =>
        api
          .vouchers()
          .then(({ vouchers }) => {
            list.removeAttribute("aria-busy");
            clear(list, vouchers.length === 0 ? message(t("app-vouchers-none")) : null, ...vouchers.map(card));
          })
          .catch((error: unknown) => clear(list, message(errorText(error), "error")));

      /** 7KQ2M9XD4HT3 → 7KQ2-M9XD-4HT3, as the chat shows codes. */
      const shownCode = (code: string) => code.replace(/(.{4})(?=.)/g, "$1-");

      function card(voucher: Voucher): HTMLElement {
        const qr = h("img", { class: "qr", alt: voucher.code, width: 240, height: 240 });
        const usable = voucher.state === "ACTIVE";
        if (usable) void imageUrl(voucher.qrUrl).then((src) => (qr.src = src), () => qr.remove());
        const status = h("div", {});
        const refund = async () => {
          if (!confirm(t("app-refund-confirm"))) return;
          try {
            await api.refund(voucher.code);
            telegram.HapticFeedback.notificationOccurred("success");
            await load();
          } catch (error) {
            clear(status, message(errorText(error), "error"));
          }
        };
        return h(
          "li",
          { class: `voucher state-${voucher.state.toLowerCase()}`, "data-code": voucher.code, "data-state": voucher.state },
          h("h2", {}, voucher.deal.title),
          h("p", {}, voucher.shop.name),
          usable ? qr : null,
          h("p", { class: "code" }, shownCode(voucher.code)),
          h("p", { class: "state" }, t(`app-voucher-state`, { state: voucher.state })),
          voucher.expiresAt ? h("p", {}, t("app-voucher-expires", { date: date(voucher.expiresAt) })) : null,
          voucher.refundable ? h("button", { type: "button", onclick: () => void refund() }, t("app-refund")) : null,
          voucher.reviewable
            ? h("button", { type: "button", class: "primary rate", onclick: () => ctx.router.push(ctx.screens.reviewForm(voucher)) }, t("app-rate-visit"))
            : null,
          voucher.review ? h("p", { class: "reviewed" }, t("app-reviewed", { stars: voucher.review.stars })) : null,
          voucher.review
            ? h("button", { type: "button", class: "link", onclick: () => ctx.router.push(ctx.screens.shop(voucher.shop.id)) }, t("app-review-see-shop"))
            : null,
          status,
        );
      }

      void load();
      // Redeemed at the till while the app stayed open: show it when the user looks again.
      const again = () => document.visibilityState === "visible" && void load();
      document.addEventListener("visibilitychange", again);
      return () => document.removeEventListener("visibilitychange", again);
    },
  };
}
