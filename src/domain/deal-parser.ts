// The built-in reader of an offer described in plain words, for when no
// language model drafts it: it picks out the numbers a merchant writes the
// same way in any offer (price and usual price, quantity, the limit per
// person, how long it is on sale, how long a voucher stays valid) and leaves
// the rest (the title above all) to the guided form. What it reads goes
// through `draftFields`, like a model's draft.
import type { RawDraft } from "./deal-draft.js";
import { AMOUNT, DISCOUNT } from "./query-parser.js";

const DAYS_OF: Record<string, number> = { day: 1, days: 1, 天: 1, 日: 1, week: 7, weeks: 7, 周: 7, 星期: 7, month: 30, months: 30, 月: 30, 个月: 30 };
const PERIOD = String.raw`(\d+)\s*(days?|weeks?|months?|天|日|周|星期|个月|月)`;

/** A number that is a price, not a count: not followed by a unit of something else. */
const BARE = String.raw`(\d+(?:\.\d+)?)(?![\d.]|\s*(?:[a-z%]|人|位|天|杯|份|张|折|周|月|个))`;
const MONEY = String.raw`(?:[$¥￥€£]\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:元|块钱|块|rmb|yuan|dollars?|usd|cny|eur)\b)`;

const VOUCHER_DAYS = [
  new RegExp(String.raw`(?:vouchers?|coupons?|codes?)?\s*valid\s*(?:for\s*)?${PERIOD}`),
  new RegExp(String.raw`有效期\s*${PERIOD}`),
];
const LIMIT = [
  /(?:limit(?:ed)?(?: to)?|max(?:imum)?|up to|at most)\s*(\d+)\s*(?:per person|per customer|per head|a person|each)/,
  /(\d+)\s*(?:per person|per customer|per head|a person)/,
  /每人(?:限购|限|最多)?\s*(\d+)/,
  /限购\s*(\d+)/,
];
/** "15 instead of 30", "$15 (was $30)": the price, then the usual price. */
const PAIR = new RegExp(String.raw`${AMOUNT}\s*\(?\s*(?:instead of|rather than|down from|was|usually|reg\.?)\s*${AMOUNT}`);
const ORIGINAL = new RegExp(
  String.raw`(?:instead of|usually|normally|regularly|regular price|originally|was|worth|value|原价|门市价|市场价)\s*[:：]?\s*${AMOUNT}`,
);
const PRICE = [
  new RegExp(MONEY),
  new RegExp(String.raw`(?:for|only|just|now|at|price|priced at|现价|特价|只要|仅需|仅|售价|团购价)\s*[:：]?\s*${BARE}`),
];
const QUANTITY = [
  /(\d+)\s*(?:cups?|pieces?|pcs|vouchers?|coupons?|units?|portions?|servings?|sets?|tickets?|spots?|seats?|slots?|meals?|boxes|bowls?|available|in stock|杯|份|张|套|件|个名额|名额|盒|碗)/,
  // Not "共2人": people are a party, not the stock.
  /(?:limited to|only|限量|共|总共|库存)\s*(\d+)(?![\d.]|\s*(?:人|位|people|persons|guests|天|days?))/,
];
const END_OF_MONTH = /(?:until|till|to|through)?\s*(?:the\s+)?end of (?:the |this )?month|(?:到|至)?(?:本月底|月底|月末)/;
const ISO_DATE = /(?:until|till|to|through|ends?|截止|到)?\s*(\d{4})-(\d{1,2})-(\d{1,2})/;
const CN_DATE = /(?:到|至|截止到?)?\s*(\d{1,2})月(\d{1,2})[日号]/;
const DAYS_ON_SALE = new RegExp(String.raw`(?:for\s*)?${PERIOD}`);

const isoDate = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

export function readDeal(input: string, now: Date): RawDraft {
  // NFKC turns full-width digits and punctuation (１５元) into plain ones.
  let text = ` ${input.normalize("NFKC").toLowerCase()} `;
  const take = (pattern: RegExp): RegExpExecArray | null => {
    const m = pattern.exec(text);
    if (m) text = text.slice(0, m.index) + " " + text.slice(m.index + m[0].length);
    return m;
  };
  const firstOf = (patterns: RegExp[]) => {
    for (const p of patterns) {
      const m = take(p);
      if (m) return m;
    }
    return null;
  };
  const period = (m: RegExpExecArray | null, at = 1) => (m ? Number(m[at]) * DAYS_OF[m[at + 1]!]! : null);

  const draft: RawDraft = {};
  draft.voucherValidDays = period(firstOf(VOUCHER_DAYS));
  const limit = firstOf(LIMIT);
  draft.perPersonLimit = limit ? Number(limit[1]) : null;

  // Dates before amounts: "2026-05-31" is not a price.
  const year = now.getUTCFullYear();
  const iso = take(ISO_DATE);
  const cn = iso ? null : take(CN_DATE);
  if (iso) draft.saleEndsOn = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  else if (cn) {
    const [m, d] = [Number(cn[1]), Number(cn[2])];
    // A day already past this year is next year's.
    const passed = Date.UTC(year, m - 1, d) < Date.UTC(year, now.getUTCMonth(), now.getUTCDate());
    draft.saleEndsOn = isoDate(passed ? year + 1 : year, m, d);
  } else if (take(END_OF_MONTH)) {
    draft.saleEndsOn = new Date(Date.UTC(year, now.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  } else draft.days = period(take(DAYS_ON_SALE));

  const pair = take(PAIR);
  const original = pair ? null : take(ORIGINAL);
  draft.originalPrice = pair ? Number(pair[2]) : original ? Number(original[1]) : null;
  const price = pair ? null : firstOf(PRICE);
  draft.price = pair ? Number(pair[1]) : price ? Number(price[1] ?? price[2]) : null;
  if (draft.price === null && draft.originalPrice !== null) {
    // "Half-price lattes, usually 30": the price follows from the discount.
    for (const [pattern, percentOff] of DISCOUNT) {
      const m = pattern.exec(text);
      if (m) {
        draft.price = Math.round(draft.originalPrice * (100 - percentOff(m))) / 100;
        break;
      }
    }
  }
  const quantity = firstOf(QUANTITY);
  draft.quantity = quantity ? Number(quantity[1]) : null;
  return draft;
}
