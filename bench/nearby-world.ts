// A synthetic world of deals for the nearby benchmark: cities with Zipf-like
// weights, shops spread around each centre with a gaussian of a few km, and a
// realistic share of deals that are not on sale. Deterministic for a seed, so
// the rows can be generated again instead of being kept in memory.
import { CATEGORIES, type Category } from "../src/domain/categories.js";
import { cellsOf } from "../src/domain/geo.js";
import { createRandom, offsetMeters, type Random } from "../src/seed/random.js";

interface City {
  name: string;
  lat: number;
  lng: number;
  currency: string;
}

// Ordered roughly by how many deals such a platform would have there; the
// weights follow the order (Zipf, s = 1). The tail includes places near the
// antimeridian and far north/south so those paths are exercised too.
const CITIES: City[] = [
  { name: "Shanghai", lat: 31.2304, lng: 121.4737, currency: "CNY" },
  { name: "Beijing", lat: 39.9042, lng: 116.4074, currency: "CNY" },
  { name: "New York", lat: 40.7128, lng: -74.006, currency: "USD" },
  { name: "Tokyo", lat: 35.6762, lng: 139.6503, currency: "JPY" },
  { name: "Shenzhen", lat: 22.5431, lng: 114.0579, currency: "CNY" },
  { name: "London", lat: 51.5072, lng: -0.1276, currency: "GBP" },
  { name: "Guangzhou", lat: 23.1291, lng: 113.2644, currency: "CNY" },
  { name: "Chengdu", lat: 30.5728, lng: 104.0668, currency: "CNY" },
  { name: "São Paulo", lat: -23.5505, lng: -46.6333, currency: "BRL" },
  { name: "Los Angeles", lat: 34.0522, lng: -118.2437, currency: "USD" },
  { name: "Paris", lat: 48.8566, lng: 2.3522, currency: "EUR" },
  { name: "Seoul", lat: 37.5665, lng: 126.978, currency: "KRW" },
  { name: "Mexico City", lat: 19.4326, lng: -99.1332, currency: "MXN" },
  { name: "Hangzhou", lat: 30.2741, lng: 120.1551, currency: "CNY" },
  { name: "Istanbul", lat: 41.0082, lng: 28.9784, currency: "TRY" },
  { name: "Jakarta", lat: -6.2088, lng: 106.8456, currency: "IDR" },
  { name: "Mumbai", lat: 19.076, lng: 72.8777, currency: "INR" },
  { name: "Chicago", lat: 41.8781, lng: -87.6298, currency: "USD" },
  { name: "Bangkok", lat: 13.7563, lng: 100.5018, currency: "THB" },
  { name: "Wuhan", lat: 30.5928, lng: 114.3055, currency: "CNY" },
  { name: "Moscow", lat: 55.7558, lng: 37.6173, currency: "RUB" },
  { name: "Berlin", lat: 52.52, lng: 13.405, currency: "EUR" },
  { name: "Madrid", lat: 40.4168, lng: -3.7038, currency: "EUR" },
  { name: "Singapore", lat: 1.3521, lng: 103.8198, currency: "SGD" },
  { name: "Toronto", lat: 43.6532, lng: -79.3832, currency: "CAD" },
  { name: "Nanjing", lat: 32.0603, lng: 118.7969, currency: "CNY" },
  { name: "Buenos Aires", lat: -34.6037, lng: -58.3816, currency: "ARS" },
  { name: "Lagos", lat: 6.5244, lng: 3.3792, currency: "NGN" },
  { name: "Sydney", lat: -33.8688, lng: 151.2093, currency: "AUD" },
  { name: "Cairo", lat: 30.0444, lng: 31.2357, currency: "EGP" },
  { name: "Ho Chi Minh City", lat: 10.8231, lng: 106.6297, currency: "VND" },
  { name: "Xi'an", lat: 34.3416, lng: 108.9398, currency: "CNY" },
  { name: "San Francisco", lat: 37.7749, lng: -122.4194, currency: "USD" },
  { name: "Dubai", lat: 25.2048, lng: 55.2708, currency: "AED" },
  { name: "Rome", lat: 41.9028, lng: 12.4964, currency: "EUR" },
  { name: "Kuala Lumpur", lat: 3.139, lng: 101.6869, currency: "MYR" },
  { name: "Manila", lat: 14.5995, lng: 120.9842, currency: "PHP" },
  { name: "Bogotá", lat: 4.711, lng: -74.0721, currency: "COP" },
  { name: "Taipei", lat: 25.033, lng: 121.5654, currency: "TWD" },
  { name: "Miami", lat: 25.7617, lng: -80.1918, currency: "USD" },
  { name: "Barcelona", lat: 41.3874, lng: 2.1686, currency: "EUR" },
  { name: "Amsterdam", lat: 52.3676, lng: 4.9041, currency: "EUR" },
  { name: "Melbourne", lat: -37.8136, lng: 144.9631, currency: "AUD" },
  { name: "Nairobi", lat: -1.2921, lng: 36.8219, currency: "KES" },
  { name: "Lima", lat: -12.0464, lng: -77.0428, currency: "PEN" },
  { name: "Warsaw", lat: 52.2297, lng: 21.0122, currency: "PLN" },
  { name: "Johannesburg", lat: -26.2041, lng: 28.0473, currency: "ZAR" },
  { name: "Vancouver", lat: 49.2827, lng: -123.1207, currency: "CAD" },
  { name: "Stockholm", lat: 59.3293, lng: 18.0686, currency: "SEK" },
  { name: "Santiago", lat: -33.4489, lng: -70.6693, currency: "CLP" },
  { name: "Auckland", lat: -36.8485, lng: 174.7633, currency: "NZD" },
  { name: "Helsinki", lat: 60.1699, lng: 24.9384, currency: "EUR" },
  { name: "Honolulu", lat: 21.3069, lng: -157.8583, currency: "USD" },
  { name: "Anchorage", lat: 61.2181, lng: -149.9003, currency: "USD" },
  { name: "Reykjavík", lat: 64.1466, lng: -21.9426, currency: "ISK" },
  { name: "Suva", lat: -18.1248, lng: 178.4501, currency: "FJD" },
  { name: "Petropavlovsk-Kamchatsky", lat: 53.0452, lng: 158.6483, currency: "RUB" },
  { name: "Tromsø", lat: 69.6492, lng: 18.9553, currency: "NOK" },
  { name: "Ushuaia", lat: -54.8019, lng: -68.303, currency: "ARS" },
  { name: "Nuku'alofa", lat: -21.1394, lng: -175.2049, currency: "TOP" },
  { name: "Longyearbyen", lat: 78.2232, lng: 15.6267, currency: "NOK" },
];

const CATEGORY_WEIGHTS: Record<Category, number> = {
  food: 30, cafe: 12, beauty: 12, fitness: 6, fun: 10, retail: 15, services: 10, hotel: 5,
};

const TITLES: Record<Category, string[]> = {
  food: ["Set lunch for two", "Hotpot dinner for four", "Dim sum brunch", "Tasting menu", "Family pizza deal", "Ramen and gyoza combo"],
  cafe: ["Two lattes and a croissant", "Afternoon tea set", "Coffee card: 10 cups", "Bubble tea, buy one get one"],
  beauty: ["Haircut and wash", "Gel manicure", "60-minute facial", "Lash lift"],
  fitness: ["10 yoga classes", "One month gym pass", "Spin class trial", "Personal training session"],
  fun: ["Escape room for four", "Karaoke: 3 hours", "Bowling for two", "Cinema tickets for two"],
  retail: ["¥100 voucher for ¥70", "20% off all shoes", "Flowers: seasonal bouquet", "Bookshop gift card"],
  services: ["Car wash and wax", "Dry cleaning: 5 items", "Phone screen repair", "Pet grooming"],
  hotel: ["One night, double room", "Weekend staycation", "Spa day pass", "Breakfast buffet for two"],
};

const MINOR_UNITS_ZERO = new Set(["JPY", "KRW", "VND", "CLP", "ISK", "IDR"]);

export const BENCH_NOW = new Date("2026-11-24T12:00:00.000Z");
const DAY_MS = 86_400_000;

export interface WorldDeal {
  id: number;
  shopId: number;
  title: string;
  description: string;
  currency: string;
  priceMinor: number;
  originalPriceMinor: number;
  quantity: number;
  stockLeft: number;
  soldCount: number;
  status: string;
  category: string;
  lat: number;
  lng: number;
  startsAt: Date;
  endsAt: Date;
}

export interface WorldShop {
  id: number;
  ownerId: number;
  name: string;
  category: Category;
  lat: number;
  lng: number;
  address: string;
}

function weighted<T>(items: readonly T[], weights: readonly number[]): (r: Random) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return (r) => {
    const x = r.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

const cityWeights = CITIES.map((_, rank) => 1 / (rank + 1));
const pickCity = weighted(CITIES, cityWeights);
const maxWeight = cityWeights[0]!;
/** Bigger cities sprawl more: σ from 2 km in the tail to 6 km at the top. */
const spreadM = new Map(CITIES.map((c, i) => [c, 2000 + 4000 * Math.sqrt(cityWeights[i]! / maxWeight)]));
export const pickCategory = weighted(CATEGORIES, CATEGORIES.map((c) => CATEGORY_WEIGHTS[c]));

/**
 * Calls `onShop` then `onDeal` for each of its deals (1–7 per shop) until
 * `size` deals exist. About a quarter of the deals are not on sale at BENCH_NOW.
 */
export function generateWorld(
  size: number,
  seed: number,
  onShop: (shop: WorldShop) => void,
  onDeal: (deal: WorldDeal) => void,
): void {
  const r = createRandom(seed);
  const now = BENCH_NOW.getTime();
  let dealId = 0;
  let shopId = 0;
  while (dealId < size) {
    const city = pickCity(r);
    const sigma = spreadM.get(city)!;
    const pos = offsetMeters(city.lat, city.lng, r.gaussian() * sigma, r.gaussian() * sigma);
    const category = pickCategory(r);
    shopId += 1;
    onShop({
      id: shopId,
      ownerId: 10_000_000 + shopId,
      name: `${city.name} ${category} #${shopId}`,
      category,
      ...pos,
      address: `${r.int(1, 999)} Main Street, ${city.name}`,
    });
    const deals = r.int(1, 7);
    for (let k = 0; k < deals && dealId < size; k++) {
      dealId += 1;
      const zeroDecimals = MINOR_UNITS_ZERO.has(city.currency);
      const base = Math.round(Math.exp(2 + r.next() * 4)) * (zeroDecimals ? 100 : 100);
      const priceMinor = base;
      const originalPriceMinor = Math.round(base * (1 + r.next() * 1.5));
      const roll = r.next();
      let status = "ACTIVE";
      let startsAt = now - r.next() * 60 * DAY_MS;
      let endsAt = now + 3_600_000 + r.next() * 90 * DAY_MS;
      let stockLeft = r.int(1, 500);
      if (roll < 0.08) status = "PAUSED";
      else if (roll < 0.12) status = "ENDED";
      else if (roll < 0.17) endsAt = now - r.next() * 30 * DAY_MS; // expired, not yet swept
      else if (roll < 0.21) startsAt = now + r.next() * 14 * DAY_MS; // scheduled
      else if (roll < 0.25) stockLeft = 0; // sold out
      const soldCount = Math.floor(Math.exp(r.next() * 8)) - 1;
      onDeal({
        id: dealId,
        shopId,
        title: r.pick(TITLES[category]),
        description: `Valid ${r.pick(["Mon–Fri", "every day", "weekends", "after 2 pm"])}; book ahead by phone. No other discounts apply.`,
        currency: city.currency,
        priceMinor,
        originalPriceMinor,
        quantity: stockLeft + soldCount,
        stockLeft,
        soldCount,
        status,
        category,
        lat: pos.lat,
        lng: pos.lng,
        startsAt: new Date(Math.round(startsAt)),
        endsAt: new Date(Math.round(endsAt)),
      });
    }
  }
}

/** Prisma's SQLite adapter stores DateTime as ISO-8601 text with an explicit offset. */
export function sqliteDate(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

export { cellsOf };
