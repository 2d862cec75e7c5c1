// "Rate this visit": the chat's review form on one screen. Stars (required),
// the three optional scores, a few words and up to 3 photos, shrunk on the
// phone before they are sent. The server applies the chat's rules; its
// refusals are shown here in words.
import { api, SUB_SCORES, type ReviewDraft, type Voucher } from "../api.js";
import type { AppContext } from "../context.js";
import { clear, h } from "../dom.js";
import { errorText } from "../errors.js";
import { t } from "../i18n.js";
import type { Screen } from "../router.js";
import { telegram } from "../telegram.js";
import { mainButton, message } from "../ui.js";

/** The chat's limits (src/domain/review.ts): the server checks them again. */
const TEXT_MAX = 500;
const PHOTOS_MAX = 3;
/** A photo's longest side once shrunk, and the JPEG quality: a few hundred kilobytes, sharp on a phone. */
const PHOTO_SIDE_MAX = 1600;
const PHOTO_QUALITY = 0.85;
/** Under the server's 2 MB a photo: past this, shrink harder. */
const PHOTO_BYTES_TARGET = 1_500_000;

class UnreadablePhoto extends Error {}

/** The photo redrawn at most PHOTO_SIDE_MAX wide or high, as a JPEG data URL. */
async function shrink(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file).catch(() => {
    throw new UnreadablePhoto();
  });
  let side = PHOTO_SIDE_MAX;
  for (let attempt = 0; ; attempt++) {
    const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
    const canvas = h("canvas", { width: Math.round(bitmap.width * scale), height: Math.round(bitmap.height * scale) });
    canvas.getContext("2d")!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const url = canvas.toDataURL("image/jpeg", PHOTO_QUALITY);
    // Base64 holds 3 bytes in 4 characters.
    if ((url.length * 3) / 4 <= PHOTO_BYTES_TARGET || attempt >= 3) {
      bitmap.close();
      return url;
    }
    side = Math.round(side * 0.7);
  }
}

/** A row of 1–5 choices; `optional` rows clear when the chosen one is tapped again. */
function scoreRow(name: string, optional: boolean, onChange: (n: number | null) => void): HTMLElement {
  let chosen: number | null = null;
  const buttons = [1, 2, 3, 4, 5].map((n) =>
    h("button", { type: "button", role: "radio", "aria-checked": "false", "aria-label": t("app-review-stars-label", { n }), "data-score": n }, optional ? String(n) : "★"),
  );
  const show = () =>
    buttons.forEach((button, i) => {
      const on = chosen !== null && (optional ? i + 1 === chosen : i + 1 <= chosen);
      button.classList.toggle("on", on);
      button.setAttribute("aria-checked", String(chosen === i + 1));
    });
  buttons.forEach((button, i) =>
    button.addEventListener("click", () => {
      chosen = optional && chosen === i + 1 ? null : i + 1;
      show();
      telegram.HapticFeedback.selectionChanged();
      onChange(chosen);
    }),
  );
  return h("div", { class: `scores ${optional ? "optional" : "stars"}`, role: "radiogroup", "data-name": name }, ...buttons);
}

export function reviewFormScreen(ctx: AppContext, voucher: Voucher): Screen {
  /** Once posted, coming back to this screen (from the shop's page) shows the thanks again, not an empty form. */
  let postedTo: number | null = null;
  const thanks = (shopId: number) => [
    message(t("app-review-posted"), "success"),
    h("button", { type: "button", class: "primary see-shop", onclick: () => ctx.router.push(ctx.screens.shop(shopId)) }, t("app-review-see-shop")),
  ];
  return {
    tab: "app-tab-vouchers",
    title: () => t("app-review-form-title"),
    mount(root) {
      if (postedTo !== null) return void root.append(h("div", { class: "review-form" }, ...thanks(postedTo)));
      const draft: ReviewDraft = { stars: 0, quality: null, service: null, value: null, text: "", photos: [] };
      const status = h("div", { class: "status" });
      const photos = h("div", { class: "photos review-photos" });
      const fileInput = h("input", { type: "file", accept: "image/jpeg,image/png,image/webp,image/*", multiple: true, name: "photos", hidden: true });
      const addPhoto = h("button", { type: "button", class: "add-photo", onclick: () => fileInput.click() }, t("app-review-add-photo"));
      const count = h("span", { class: "count" }, t("app-review-text-count", { count: 0, max: TEXT_MAX }));
      const text = h("textarea", { name: "text", rows: 4, maxlength: TEXT_MAX, placeholder: t("app-review-text-placeholder") });
      const submit = h("button", { type: "button", class: "primary submit" }, t("app-review-submit"));
      let sending = false;

      text.addEventListener("input", () => {
        draft.text = text.value;
        count.textContent = t("app-review-text-count", { count: [...text.value].length, max: TEXT_MAX });
      });

      function drawPhotos() {
        clear(
          photos,
          ...draft.photos.map((url, n) =>
            h(
              "figure",
              {},
              h("img", { src: url, alt: "" }),
              h("button", { type: "button", class: "remove-photo", "aria-label": t("app-review-remove-photo"), onclick: () => (draft.photos.splice(n, 1), drawPhotos()) }, "✕"),
            ),
          ),
        );
        addPhoto.hidden = draft.photos.length >= PHOTOS_MAX;
      }

      fileInput.addEventListener("change", async () => {
        const files = [...(fileInput.files ?? [])].slice(0, PHOTOS_MAX - draft.photos.length);
        fileInput.value = "";
        clear(status);
        addPhoto.setAttribute("aria-busy", "true");
        for (const file of files) {
          try {
            draft.photos.push(await shrink(file));
          } catch {
            clear(status, message(t("app-review-photo-unreadable"), "error"));
          }
        }
        addPhoto.removeAttribute("aria-busy");
        drawPhotos();
      });

      async function send() {
        if (sending) return;
        if (!draft.stars) {
          telegram.HapticFeedback.notificationOccurred("warning");
          return clear(status, message(t("app-review-pick-stars"), "error"));
        }
        sending = true;
        submit.setAttribute("aria-busy", "true");
        telegram.MainButton.showProgress();
        clear(status);
        try {
          const { shop } = await api.review(voucher.code, draft);
          postedTo = shop.id;
          telegram.HapticFeedback.notificationOccurred("success");
          removeButton();
          // Done: the thanks, and the shop's page where the review now is; Back returns to the wallet.
          clear(form, ...thanks(shop.id));
        } catch (error) {
          telegram.HapticFeedback.notificationOccurred("error");
          clear(status, message(errorText(error), "error"));
        } finally {
          sending = false;
          submit.removeAttribute("aria-busy");
          telegram.MainButton.hideProgress();
        }
      }
      submit.addEventListener("click", () => void send());

      const form = h(
        "form",
        { class: "review-form", onsubmit: (e: Event) => (e.preventDefault(), void send()) },
        h("h2", {}, voucher.deal.title),
        h("p", { class: "deal-shop" }, voucher.shop.name),
        h("p", { class: "label" }, t("app-review-stars")),
        scoreRow("stars", false, (n) => (draft.stars = n ?? 0)),
        h("p", { class: "label" }, t("app-review-details")),
        ...SUB_SCORES.map((key) => h("div", { class: "sub-score" }, h("span", {}, t(`app-review-sub-${key}`)), scoreRow(key, true, (n) => (draft[key] = n)))),
        h("label", { class: "label" }, t("app-review-text"), text),
        count,
        h("p", { class: "label" }, t("app-review-photos", { max: PHOTOS_MAX })),
        photos,
        addPhoto,
        fileInput,
        status,
        submit,
      );
      root.append(form);
      const removeButton = mainButton(t("app-review-submit"), () => void send());
      return removeButton;
    },
  };
}
