// A request for deals in plain words, once understood: what the user wants and
// the limits they gave. Whoever read the text (the language model or the
// built-in parser), the result passes through `cleanQuery`, so a value the user
// could not have typed into a form never reaches the search.
import { CATEGORIES, isCategory, type Category } from "./categories.js";
import { discountPercent, minorDigits } from "./money.js";
import { RADII_KM, type RadiusKm } from "./nearby.js";

export const TIMES = ["now", "today", "tonight", "tomorrow", "weekend"] as const;
export type When = (typeof TIMES)[number];

export interface DealQuery {
  /** Specific things wanted ("hotpot", "拿铁"); a deal matches when its title names any of them. */
  keywords: string[];
  category?: Category;
  /** The most the user will pay, in major units of the deal's currency. */
  maxPrice?: number;
  /** The cap is per person ("人均100以下"), not for the whole order: see `priceCapMinor`. */
  perPerson?: true;
  /** At least this much off, in whole percent ("half price" is 50). */
  minDiscount?: number;
  partySize?: number;
  when?: When;
  radiusKm?: RadiusKm;
}

export const QUERY_LIMITS = { keywords: 5, keywordLength: 30, maxPrice: 1_000_000, partySize: 50 } as const;

/** What a model or the parser may propose; anything may be missing or wrong. */
export interface RawQuery {
  keywords?: unknown;
  category?: unknown;
  maxPrice?: unknown;
  perPerson?: unknown;
  minDiscount?: unknown;
  partySize?: unknown;
  when?: unknown;
  radiusKm?: unknown;
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** The smallest radius offered that covers the one asked for (500 m at least, 25 km at most). */
export function snapRadius(km: number): RadiusKm {
  return RADII_KM.find((r) => r >= km) ?? RADII_KM[RADII_KM.length - 1]!;
}

/** Keeps what is plausible and drops the rest, field by field. */
export function cleanQuery(raw: RawQuery): DealQuery {
  const query: DealQuery = { keywords: [] };
  if (Array.isArray(raw.keywords)) {
    const seen = new Set<string>();
    for (const k of raw.keywords) {
      if (typeof k !== "string") continue;
      // Keywords only ever match titles: no markup or control characters needed.
      const word = k.replace(/[\p{C}<>&"]/gu, "").replace(/\s+/g, " ").trim().toLowerCase();
      const length = [...word].length;
      // One Latin letter would match almost every title; one Chinese character can be a word.
      const tooShort = length === 0 || (length === 1 && !/\p{Script=Han}/u.test(word));
      if (tooShort || length > QUERY_LIMITS.keywordLength || seen.has(word)) continue;
      seen.add(word);
      query.keywords.push(word);
      if (query.keywords.length === QUERY_LIMITS.keywords) break;
    }
  }
  if (typeof raw.category === "string" && isCategory(raw.category)) query.category = raw.category;
  if (isNumber(raw.maxPrice) && raw.maxPrice > 0 && raw.maxPrice <= QUERY_LIMITS.maxPrice) {
    query.maxPrice = Math.round(raw.maxPrice * 100) / 100;
    if (raw.perPerson === true) query.perPerson = true;
  }
  if (isNumber(raw.minDiscount) && raw.minDiscount >= 1 && raw.minDiscount <= 99) query.minDiscount = Math.round(raw.minDiscount);
  if (isNumber(raw.partySize) && Number.isInteger(raw.partySize) && raw.partySize >= 1 && raw.partySize <= QUERY_LIMITS.partySize) {
    query.partySize = raw.partySize;
  }
  if (typeof raw.when === "string" && (TIMES as readonly string[]).includes(raw.when)) query.when = raw.when as When;
  if (isNumber(raw.radiusKm) && raw.radiusKm > 0) query.radiusKm = snapRadius(raw.radiusKm);
  return query;
}

/** Words that name the same thing, across English and Chinese; the first is the canonical one. */
export interface Term {
  words: string[];
  category: Category;
  /** A specific thing (hotpot) is also a keyword; a generic word (restaurant) only sets the category. */
  specific: boolean;
}

export const TERMS: Term[] = [
  { words: ["hotpot", "hot pot", "火锅"], category: "food", specific: true },
  { words: ["noodle", "noodles", "ramen", "面条", "拉面"], category: "food", specific: true },
  { words: ["dumpling", "dumplings", "饺子", "生煎", "小笼包", "包子"], category: "food", specific: true },
  { words: ["pizza", "披萨", "比萨"], category: "food", specific: true },
  { words: ["burger", "burgers", "汉堡"], category: "food", specific: true },
  { words: ["sushi", "寿司"], category: "food", specific: true },
  { words: ["bbq", "barbecue", "烧烤"], category: "food", specific: true },
  { words: ["latte", "lattes", "拿铁"], category: "cafe", specific: true },
  { words: ["milk tea", "bubble tea", "奶茶"], category: "cafe", specific: true },
  { words: ["cake", "cakes", "蛋糕"], category: "cafe", specific: true },
  { words: ["haircut", "hair", "理发", "剪发"], category: "beauty", specific: true },
  { words: ["massage", "按摩"], category: "beauty", specific: true },
  { words: ["nails", "manicure", "美甲"], category: "beauty", specific: true },
  { words: ["yoga", "瑜伽"], category: "fitness", specific: true },
  { words: ["swimming", "swim", "游泳"], category: "fitness", specific: true },
  { words: ["bowling", "保龄球"], category: "fun", specific: true },
  { words: ["karaoke", "ktv", "唱歌"], category: "fun", specific: true },
  { words: ["movie", "movies", "cinema", "电影"], category: "fun", specific: true },
  { words: ["laundry", "洗衣"], category: "services", specific: true },
  { words: ["car wash", "洗车"], category: "services", specific: true },
  { words: ["food", "restaurant", "restaurants", "dinner", "lunch", "meal", "eat", "美食", "餐厅", "吃饭", "晚饭", "午饭"], category: "food", specific: false },
  { words: ["coffee", "cafe", "café", "cafes", "drinks", "咖啡", "饮品"], category: "cafe", specific: false },
  { words: ["beauty", "salon", "spa", "美容", "美发"], category: "beauty", specific: false },
  { words: ["fitness", "gym", "workout", "健身"], category: "fitness", specific: false },
  { words: ["fun", "entertainment", "娱乐"], category: "fun", specific: false },
  { words: ["shopping", "store", "购物"], category: "retail", specific: false },
  { words: ["hotel", "hotels", "room", "stay", "酒店", "宾馆", "住宿"], category: "hotel", specific: false },
];

for (const c of CATEGORIES) if (!TERMS.some((t) => t.category === c)) throw new Error(`no words for category ${c}`);

/** The term a word belongs to, if any. */
export function termOf(word: string): Term | undefined {
  const w = word.toLowerCase();
  return TERMS.find((t) => t.words.includes(w));
}

/**
 * A keyword as the user reads it: a word of the lexicon in their language
 * ("hotpot" is 火锅 to a Chinese reader), anything else as it was given.
 */
export function keywordIn(keyword: string, locale: string): string {
  const term = termOf(keyword);
  const zh = locale.startsWith("zh");
  return term?.words.find((w) => /\p{Script=Han}/u.test(w) === zh) ?? keyword;
}

/** The ways a title may say a keyword: its synonyms, and the singular of an English plural. */
function spellings(keyword: string): string[] {
  const term = termOf(keyword);
  const words = term ? term.words : [keyword];
  return words.flatMap((w) => (/^[a-z]{4,}s$/.test(w) ? [w, w.replace(/e?s$/, "")] : [w]));
}

export interface Matchable {
  title: string;
  currency: string;
  priceMinor: number;
  originalPriceMinor: number;
}

/** The parts of a query that can be switched off from the list, one bit each. */
export const FILTER_BITS = { keywords: 1, category: 2, maxPrice: 4, minDiscount: 8 } as const;
export type Filter = keyof typeof FILTER_BITS;

/** The query without the filters whose bits are set in `dropped`. */
export function withoutFilters(query: DealQuery, dropped: number): DealQuery {
  const q = { ...query };
  if (dropped & FILTER_BITS.keywords) q.keywords = [];
  if (dropped & FILTER_BITS.category) delete q.category;
  if (dropped & FILTER_BITS.maxPrice) {
    delete q.maxPrice;
    delete q.perPerson;
  }
  if (dropped & FILTER_BITS.minDiscount) delete q.minDiscount;
  return q;
}

/**
 * The most a deal may cost, in major units. Offers do not say how many people
 * they serve, so a deal's price is taken as one person's: a cap per person is
 * the deal's cap, unless the party size is given ("人均100 3人"), when a deal
 * for the whole party may cost the cap times the party (300).
 */
export function priceCap(query: DealQuery): number | undefined {
  if (query.maxPrice === undefined) return undefined;
  return query.perPerson ? query.maxPrice * (query.partySize ?? 1) : query.maxPrice;
}

/** How many of the query's keywords the deal's title names. */
export function keywordHits(deal: Matchable, query: DealQuery): number {
  const title = deal.title.toLowerCase();
  return query.keywords.filter((k) => spellings(k).some((s) => title.includes(s))).length;
}

/** Whether a deal (already of the query's category, from the search) fits the rest of the query. */
export function matchesQuery(deal: Matchable, query: DealQuery): boolean {
  const cap = priceCap(query);
  if (cap !== undefined && deal.priceMinor > Math.round(cap * 10 ** minorDigits(deal.currency))) return false;
  if (query.minDiscount !== undefined) {
    // The percent the list shows, so "−30% or more" keeps a deal shown as −30%.
    if (discountPercent(deal.priceMinor, deal.originalPriceMinor) < query.minDiscount) return false;
  }
  return query.keywords.length === 0 || keywordHits(deal, query) > 0;
}

/**
 * The deals that fit, those that name more of the keywords first ("spicy
 * hotpot": a spicy hotpot before a plain one); among equals, the order given
 * (the nearby ranking: distance, discount, popularity, freshness).
 */
export function fitting<T extends Matchable>(ranked: T[], query: DealQuery): T[] {
  const hits = new Map<T, number>();
  for (const deal of ranked) if (matchesQuery(deal, query)) hits.set(deal, keywordHits(deal, query));
  // Array.prototype.sort is stable: equal hits keep the ranking's order.
  return [...hits.keys()].sort((a, b) => hits.get(b)! - hits.get(a)!);
}

/** Whether the query asks for anything beyond the plain nearby list. */
export function isFiltered(query: DealQuery): boolean {
  return query.keywords.length > 0 || query.maxPrice !== undefined || query.minDiscount !== undefined;
}

/** Whether the request said nothing a search could use ("hello"). */
export function isEmptyQuery(query: DealQuery): boolean {
  return Object.entries(query).every(([key, value]) => (key === "keywords" ? query.keywords.length === 0 : value === undefined));
}
