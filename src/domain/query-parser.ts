// The built-in reader of requests for deals, in English and Chinese. It runs
// when no language model is configured, when the model fails or is slow, and
// when a user has used up their share of model requests. It knows prices,
// discounts, party sizes, times, distances and the words of `TERMS`; whatever
// is left of the text becomes keywords.
import { cleanQuery, snapRadius, TERMS, type DealQuery, type Term, type When } from "./deal-query.js";

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const EN_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, couple: 2,
};
const numberOf = (word: string): number => Number(word) || EN_NUMBERS[word] || CN_DIGITS[word] || NaN;

export const AMOUNT = String.raw`[$¥￥€£]?\s*(\d+(?:\.\d+)?)\s*(?:元|块钱|块|rmb|yuan|dollars?|usd|cny)?`;
const NUM_WORD = String.raw`(\d+|one|two|three|four|five|six|seven|eight|nine|ten)`;

/** Each rule reads one thing and removes what it read, so the rest can become keywords. */
const PRICE = [
  new RegExp(String.raw`(?:under|below|less than|max(?:imum)?|up to|at most|cheaper than|no more than|<=?|≤)\s*${AMOUNT}`),
  new RegExp(String.raw`${AMOUNT}\s*(?:or less|or under|max)\b`),
  new RegExp(String.raw`(?:不超过|低于|少于|不到|最多)\s*${AMOUNT}\s*(?:以内|以下|之内)?`),
  new RegExp(String.raw`${AMOUNT}\s*(?:以内|以下|之内|内)`),
  /[$¥￥€£]\s*(\d+(?:\.\d+)?)/,
];
/** A cap per person: "人均100以下", "每人100以内"; in English, a cap followed by "per person" (`PER_PERSON`). */
const PRICE_PER_PERSON = new RegExp(String.raw`(?:人均|每人|每位)\s*(?:不超过|低于|最多)?\s*${AMOUNT}\s*(?:以内|以下|之内|左右)?`);
const PER_PERSON_WORDS = String.raw`(?:per (?:person|head|pax)|a (?:head|person)|pp|p\.p\.|each)(?![a-z])`;
const PER_PERSON = new RegExp(String.raw`\b${PER_PERSON_WORDS}`);
/** "hotpot 100 per person": a budget per person with no "under" before it. */
const AMOUNT_PER_PERSON = new RegExp(String.raw`${AMOUNT}\s*${PER_PERSON_WORDS}`);

/** "half price", "30% off", "8折": the percent off. */
export const DISCOUNT: [RegExp, (m: RegExpExecArray) => number][] = [
  [/half[- ]?price|half off|bogo|buy one,? get one(?: free)?|two for one|2 for 1|半价|买一送一/, () => 50],
  [/(\d{1,2})\s*%\s*off/, (m) => Number(m[1])],
  [/(\d(?:\.\d)?|[一二三四五六七八九])\s*折/, (m) => Math.round((10 - numberOf(m[1]!)) * 10)],
];
const PARTY: [RegExp, (m: RegExpExecArray) => number][] = [
  [new RegExp(String.raw`\bfor\s+(?:a\s+)?${NUM_WORD}\b(?:\s*(?:people|persons|ppl|pax|guests|of us))?`), (m) => numberOf(m[1]!)],
  [new RegExp(String.raw`\b${NUM_WORD}\s*(?:people|persons|ppl|pax|guests)\b`), (m) => numberOf(m[1]!)],
  [/\bfor a couple\b|\bdate night\b/, () => 2],
  [/(\d+|[一二两俩三四五六七八九十])\s*(?:个人|人|位)/, (m) => numberOf(m[1]!)],
  [/双人/, () => 2],
  [/单人/, () => 1],
];
const TIMES: [RegExp, When][] = [
  [/\btonight\b|\bthis evening\b|今晚|今天晚上/, "tonight"],
  [/\bright now\b|\bnow\b|现在|马上|立刻/, "now"],
  [/\btoday\b|今天/, "today"],
  [/\btomorrow\b|明天/, "tomorrow"],
  [/\b(?:this )?weekend\b|\bsaturday\b|\bsunday\b|周末|周六|周日|星期六|星期天/, "weekend"],
];
const RADIUS: [RegExp, (m: RegExpExecArray) => number][] = [
  [/(?:within|in)?\s*(\d+(?:\.\d+)?)\s*(?:km|kilomet(?:er|re)s?|公里|千米)(?:\s*(?:内|以内|之内|范围内))?/, (m) => Number(m[1])],
  [/(?:within|in)?\s*(\d+(?:\.\d+)?)\s*(?:miles?|mi)\b/, (m) => Number(m[1]) * 1.609],
  [/(?:within|in)?\s*(\d+)\s*(?:m|meters?|metres?|米)(?:\s*(?:内|以内|之内))?(?![a-z])/, (m) => Number(m[1]) / 1000],
  [/walking distance|\bwalkable\b|步行|走路/, () => 1],
];

const EN_STOP = new Set(
  ("a an the i we me my us our want wanna need looking look for find show get give some any something anything " +
    "cheap cheapest good best great nice deal deals offer offers discount discounts near nearby around here close by " +
    "me please with and or in at of to on is are there what whats where place places spot spots can you could " +
    "would like let's lets go around within price priced under hi hello hey thanks thank ok okay yes no help").split(" "),
);
/** Longest first, so that 有没有 goes before 有. */
const ZH_STOP = [
  "有没有", "有什么", "推荐一下", "帮我找", "附近的", "周边的", "好吃的", "便宜的", "优惠的", "哪里有", "一下", "推荐",
  "你好", "谢谢", "好的", "附近", "周边", "便宜", "实惠", "优惠", "团购", "好吃", "什么", "哪里", "哪儿", "一家", "一个", "我们",
  "想要", "想吃", "想去", "请问", "可以", "打折", "我", "想", "要", "找", "有", "吗", "呢", "的", "去", "吃", "喝", "家", "个", "点", "请", "和", "在",
];

const isCjk = (s: string) => /\p{Script=Han}/u.test(s);

/**
 * Every word of the lexicon, longest first so that "milk tea" wins over "tea":
 * whole words in English, anywhere in Chinese (it has no spaces).
 */
const WORDS = TERMS.flatMap((term) => term.words.map((word) => ({ word, term })))
  .sort((a, b) => b.word.length - a.word.length)
  .map(({ word, term }) => {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return { term, pattern: new RegExp(isCjk(word) ? escaped : String.raw`(?<![a-z])${escaped}(?![a-z])`) };
  });

export function parseRequest(input: string): DealQuery {
  // NFKC turns full-width digits and punctuation (１５０，) into plain ones.
  let text = ` ${input.normalize("NFKC").toLowerCase()} `;
  const take = (pattern: RegExp): RegExpExecArray | null => {
    const m = pattern.exec(text);
    if (m) text = text.slice(0, m.index) + " " + text.slice(m.index + m[0].length);
    return m;
  };
  const first = <T>(rules: [RegExp, (m: RegExpExecArray) => T][]): T | undefined => {
    for (const [pattern, read] of rules) {
      const m = take(pattern);
      if (m) return read(m);
    }
    return undefined;
  };

  const radiusKm = first(RADIUS);
  const minDiscount = first(DISCOUNT);
  const when = first(TIMES.map(([p, w]) => [p, () => w] as [RegExp, () => When]));
  let maxPrice: number | undefined;
  let perPerson = false;
  const perHead = take(PRICE_PER_PERSON);
  if (perHead) [maxPrice, perPerson] = [Number(perHead[1]), true];
  for (const pattern of perHead ? [] : PRICE) {
    const m = take(pattern);
    if (m) {
      maxPrice = Number(m[1]);
      perPerson = take(PER_PERSON) !== null;
      break;
    }
  }
  const budget = maxPrice === undefined ? take(AMOUNT_PER_PERSON) : null;
  if (budget) [maxPrice, perPerson] = [Number(budget[1]), true];
  const partySize = first(PARTY);

  const found: Term[] = [];
  for (const { term, pattern } of WORDS) {
    if (take(pattern) && !found.includes(term)) found.push(term);
  }
  const specific = found.filter((t) => t.specific);
  const category = (specific[0] ?? found[0])?.category;

  for (const stop of ZH_STOP) text = text.split(stop).join(" ");
  const rest = text
    .split(/[\s,.;:!?'"()\[\]{}/\\|+*~`@#%^&=<>，。；：！？、（）【】《》“”‘’…—-]+/u)
    .filter((w) => w.length >= 2 && !/^\d/.test(w) && !EN_STOP.has(w));

  return cleanQuery({
    keywords: [...specific.map((t) => t.words[0]!), ...rest],
    category,
    maxPrice,
    perPerson,
    minDiscount,
    partySize,
    when,
    radiusKm: radiusKm === undefined ? undefined : snapRadius(radiusKm),
  });
}
