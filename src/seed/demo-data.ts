import type { ShopInput } from "../domain/validation.js";
// Demo data for local runs and the sandbox: a few hundred shops and offers
// around named places in Shanghai and New York, with fixed users to play with.
// Deterministic (seeded), and written once: a database that has any shop is
// left alone.
import type { Repositories } from "../core/ports/repositories.js";
import type { Category } from "../domain/categories.js";
import { cellsOf } from "../domain/geo.js";
import { DealStatus, ShopStatus } from "../domain/lifecycles.js";
import { createRandom, offsetMeters, type Random } from "./random.js";
import { seedDemoReviews, type ReviewedShopPlan } from "./demo-reviews.js";

export interface DemoPlace {
  key: string;
  name: string;
  lat: number;
  lng: number;
}

export const DEMO_PLACES: DemoPlace[] = [
  { key: "peoples-square", name: "People's Square, Shanghai", lat: 31.2323, lng: 121.4752 },
  { key: "jingan", name: "Jing'an Temple, Shanghai", lat: 31.2235, lng: 121.4454 },
  { key: "lujiazui", name: "Lujiazui, Shanghai", lat: 31.2397, lng: 121.4998 },
  { key: "times-square", name: "Times Square, New York", lat: 40.758, lng: -73.9855 },
  { key: "soho", name: "SoHo, New York", lat: 40.7233, lng: -74.003 },
  { key: "williamsburg", name: "Williamsburg, Brooklyn", lat: 40.7081, lng: -73.9571 },
];

export interface DemoUser {
  key: string;
  id: number;
  firstName: string;
  languageCode: "en" | "zh";
  role: "consumer" | "merchant";
}

export const DEMO_USERS: DemoUser[] = [
  { key: "ana", id: 1001, firstName: "Ana", languageCode: "en", role: "consumer" },
  { key: "li", id: 1002, firstName: "Li", languageCode: "zh", role: "consumer" },
  { key: "sam", id: 1003, firstName: "Sam", languageCode: "en", role: "consumer" },
  { key: "mei", id: 1101, firstName: "Mei", languageCode: "zh", role: "merchant" },
  { key: "joe", id: 1102, firstName: "Joe", languageCode: "en", role: "merchant" },
];

type City = "shanghai" | "new-york";

const CITY_OF_PLACE: Record<string, City> = {
  "peoples-square": "shanghai",
  jingan: "shanghai",
  lujiazui: "shanghai",
  "times-square": "new-york",
  soho: "new-york",
  williamsburg: "new-york",
};

const CURRENCY: Record<City, string> = { shanghai: "CNY", "new-york": "USD" };

/** The demo merchants' own shops, at fixed spots near their places. */
const MERCHANT_SHOPS: Record<string, { place: string; name: string; category: Category; address: string; openingHours: string }> = {
  mei: {
    place: "jingan",
    name: "梅的咖啡 Mei's Café",
    category: "cafe",
    address: "静安区南京西路1601号, 上海",
    openingHours: "每天 08:00–21:00",
  },
  joe: {
    place: "williamsburg",
    name: "Joe's Brick Oven Pizza",
    category: "food",
    address: "212 Bedford Ave, Brooklyn, NY 11249",
    openingHours: "Mon–Sun 11:00–23:00",
  },
};

const SHOPS_PER_PLACE = 50;
/** Synthetic owners of the generated shops, far above the demo users' ids. */
const FIRST_OWNER_ID = 9_000_001;
const SEED = 20261124;
const DAY_MS = 86_400_000;

// Category mix of a busy district: mostly food and coffee.
const CATEGORY_MIX: Category[] = [
  "food", "food", "food", "food", "cafe", "cafe", "beauty", "beauty", "fitness", "fun", "fun", "retail", "retail", "services", "hotel",
];

const ZH_BRANDS: Record<Category, string[]> = {
  food: ["老吉士酒家", "小杨生煎", "鼎泰小馆", "海底捞火锅", "弄堂面馆", "蟹黄汤包馆", "川味人家", "阿娘面", "新疆烤肉坊", "本帮菜馆"],
  cafe: ["街角咖啡", "慢时光茶室", "云朵烘焙", "一点点奶茶", "梧桐咖啡", "晨光面包房"],
  beauty: ["丝域养发", "美甲工作室", "悦容美容院", "发艺沙龙", "清颜护肤"],
  fitness: ["乐动健身", "瑜伽空间", "动感单车馆", "拳击训练营"],
  fun: ["密室逃脱", "星光KTV", "保龄球馆", "剧本杀俱乐部", "电玩城"],
  retail: ["花间花店", "书香书店", "潮流鞋铺", "生活家居", "文创小铺"],
  services: ["快洁干洗", "爱车洗车", "手机快修", "宠物美容", "家政服务"],
  hotel: ["锦江之星", "梧桐精品酒店", "江景酒店", "城市客栈"],
};

const EN_BRANDS: Record<Category, string[]> = {
  food: ["Mulberry Street Pizza", "Bowery Noodle Bar", "Hudson Grill", "Little Italy Trattoria", "Bagel Corner", "Smokehouse BBQ", "Dumpling Lab", "Taco Republic", "Green Bowl", "The Burger Joint"],
  cafe: ["Corner Coffee", "Morning Ritual Café", "Brooklyn Roasters", "Tea & Crumbs", "Flatbush Bakery", "Espresso Bar"],
  beauty: ["Uptown Nails", "Blade & Comb Barbers", "Glow Skin Studio", "Lash Lounge", "Soho Hair"],
  fitness: ["Iron Gym", "Flow Yoga", "Spin City", "Hudson Boxing Club"],
  fun: ["Escape Room NYC", "Lucky Strike Lanes", "Karaoke Box", "Arcade Hall", "Comedy Cellar Nights"],
  retail: ["Petal & Stem Florist", "Book Nook", "Sneaker Spot", "Home Goods Co.", "Vintage Finds"],
  services: ["Quick Clean Laundry", "Shine Car Wash", "Phone Fix Express", "Pawfect Grooming", "Handy Helpers"],
  hotel: ["The Hudson Inn", "Midtown Suites", "Brooklyn Loft Hotel", "Park View Hotel"],
};

const ZH_BRANCH: Record<string, string> = {
  "peoples-square": "人民广场店",
  jingan: "静安寺店",
  lujiazui: "陆家嘴店",
};

const ZH_STREETS: Record<string, string[]> = {
  "peoples-square": ["黄浦区南京东路", "黄浦区西藏中路", "黄浦区福州路", "黄浦区云南南路", "黄浦区人民大道"],
  jingan: ["静安区南京西路", "静安区愚园路", "静安区常德路", "静安区华山路", "静安区延安中路"],
  lujiazui: ["浦东新区世纪大道", "浦东新区陆家嘴环路", "浦东新区东方路", "浦东新区浦东南路", "浦东新区银城中路"],
};

const EN_STREETS: Record<string, { streets: string[]; tail: string }> = {
  "times-square": { streets: ["W 42nd St", "W 44th St", "8th Ave", "7th Ave", "Broadway", "W 47th St"], tail: "New York, NY 10036" },
  soho: { streets: ["Spring St", "Prince St", "Broome St", "Mercer St", "Greene St", "Lafayette St"], tail: "New York, NY 10012" },
  williamsburg: { streets: ["Bedford Ave", "N 6th St", "Grand St", "Metropolitan Ave", "Wythe Ave", "Berry St"], tail: "Brooklyn, NY 11211" },
};

const HOURS: Record<City, Record<Category, string[]>> = {
  shanghai: {
    food: ["每天 10:30–22:00", "每天 11:00–14:00, 17:00–22:00", "每天 06:30–20:00"],
    cafe: ["每天 08:00–21:00", "周一至周五 07:30–20:00, 周末 09:00–22:00"],
    beauty: ["每天 10:00–21:00", "周二至周日 10:00–20:00"],
    fitness: ["每天 06:00–23:00", "每天 07:00–22:00"],
    fun: ["每天 12:00–02:00", "每天 10:00–22:00"],
    retail: ["每天 10:00–22:00", "每天 09:00–21:00"],
    services: ["周一至周六 09:00–19:00", "每天 08:00–20:00"],
    hotel: ["全天 24 小时"],
  },
  "new-york": {
    food: ["Mon–Sun 11:00–22:00", "Mon–Fri 11:30–15:00, 17:00–23:00; Sat–Sun 10:00–23:00", "Daily 07:00–16:00"],
    cafe: ["Daily 07:00–19:00", "Mon–Fri 06:30–18:00, Sat–Sun 08:00–18:00"],
    beauty: ["Tue–Sun 10:00–20:00", "Daily 09:00–21:00"],
    fitness: ["Mon–Fri 05:30–23:00, Sat–Sun 07:00–21:00", "Daily 06:00–22:00"],
    fun: ["Daily 12:00–01:00", "Thu–Sun 17:00–02:00"],
    retail: ["Daily 10:00–21:00", "Mon–Sat 10:00–20:00, Sun 11:00–18:00"],
    services: ["Mon–Sat 08:00–19:00", "Daily 07:00–22:00"],
    hotel: ["Open 24 hours"],
  },
};

/** Offer templates; prices in major units of the city's currency. */
interface DealTemplate {
  title: string;
  description: string;
  price: [min: number, max: number];
}

const ZH_DEALS: Record<Category, DealTemplate[]> = {
  food: [
    { title: "双人套餐", description: "两荤一素一汤，含两份米饭。", price: [88, 198] },
    { title: "四人火锅套餐", description: "锅底任选，含肥牛、虾滑、时蔬拼盘。", price: [258, 458] },
    { title: "招牌生煎 8 只", description: "现煎现卖，堂食或外带。", price: [15, 32] },
    { title: "工作日午市套餐", description: "周一至周五 11:00–14:00 可用。", price: [35, 68] },
  ],
  cafe: [
    { title: "拿铁 2 杯", description: "热饮或冰饮，可升级燕麦奶。", price: [38, 58] },
    { title: "下午茶双人套餐", description: "两杯饮品加两块蛋糕，14:00–17:00 可用。", price: [98, 168] },
    { title: "咖啡次卡 10 次", description: "美式或拿铁，三个月内有效。", price: [198, 298] },
  ],
  beauty: [
    { title: "洗剪吹", description: "资深发型师，含头皮护理。", price: [58, 128] },
    { title: "日式美甲", description: "单色或猫眼，含基础护理。", price: [88, 168] },
    { title: "补水面部护理 60 分钟", description: "首次到店可用。", price: [128, 298] },
  ],
  fitness: [
    { title: "瑜伽 10 次课", description: "团课任选，两个月内有效。", price: [399, 799] },
    { title: "健身月卡", description: "不限次数，含淋浴。", price: [299, 599] },
    { title: "私教体验课", description: "含体测与训练计划。", price: [99, 199] },
  ],
  fun: [
    { title: "密室逃脱 4 人票", description: "需提前一天预约。", price: [268, 398] },
    { title: "KTV 欢唱 3 小时", description: "中包，含果盘。", price: [128, 268] },
    { title: "剧本杀单人票", description: "周末可用，需预约。", price: [78, 138] },
  ],
  retail: [
    { title: "100 元代金券", description: "全场通用，不与其他优惠同享。", price: [70, 85] },
    { title: "当季花束", description: "可预约送花。", price: [99, 199] },
    { title: "图书满减券", description: "满 200 元可用。", price: [30, 50] },
  ],
  services: [
    { title: "精致洗车", description: "内外清洁，轿车与 SUV 同价。", price: [29, 68] },
    { title: "干洗 5 件", description: "三天内取件。", price: [59, 99] },
    { title: "宠物洗护", description: "小型犬，含修剪指甲。", price: [68, 128] },
  ],
  hotel: [
    { title: "大床房一晚", description: "含双早，周末加价 100 元。", price: [399, 799] },
    { title: "江景房周末套餐", description: "含双早与延迟退房。", price: [899, 1599] },
  ],
};

const EN_DEALS: Record<Category, DealTemplate[]> = {
  food: [
    { title: "Dinner for two", description: "Two mains, one shared starter and two soft drinks.", price: [39, 79] },
    { title: "Large pizza + 2 drinks", description: "Any classic pie. Dine in or take away.", price: [18, 32] },
    { title: "Weekday lunch special", description: "Mon–Fri 11:30–15:00.", price: [11, 19] },
    { title: "Brunch for two", description: "Weekends only, includes coffee.", price: [34, 58] },
  ],
  cafe: [
    { title: "Two lattes + a pastry", description: "Oat milk at no extra charge.", price: [9, 15] },
    { title: "Coffee card: 10 drinks", description: "Any espresso drink, valid 3 months.", price: [35, 49] },
    { title: "Afternoon tea for two", description: "Scones, sandwiches and a pot of tea.", price: [29, 49] },
  ],
  beauty: [
    { title: "Haircut & blow-dry", description: "With a senior stylist.", price: [35, 75] },
    { title: "Gel manicure", description: "Any colour, cuticle care included.", price: [25, 45] },
    { title: "60-minute facial", description: "First visit only.", price: [59, 119] },
  ],
  fitness: [
    { title: "10 yoga classes", description: "Any group class, valid 2 months.", price: [99, 179] },
    { title: "One-month gym pass", description: "Unlimited visits, towels included.", price: [49, 99] },
    { title: "Personal training session", description: "Includes an assessment.", price: [39, 79] },
  ],
  fun: [
    { title: "Escape room for four", description: "Book a day ahead.", price: [89, 139] },
    { title: "Karaoke: 3 hours", description: "Private room for up to 8.", price: [59, 119] },
    { title: "Bowling for two", description: "Two games and shoe rental.", price: [29, 49] },
  ],
  retail: [
    { title: "$50 voucher for $35", description: "Store-wide, not combinable with other offers.", price: [35, 40] },
    { title: "Seasonal bouquet", description: "Local delivery available.", price: [29, 59] },
    { title: "20% off any book", description: "One use per visit.", price: [5, 10] },
  ],
  services: [
    { title: "Full car wash & wax", description: "Cars and SUVs, same price.", price: [19, 39] },
    { title: "Dry cleaning: 5 items", description: "Ready in 48 hours.", price: [25, 45] },
    { title: "Phone screen repair", description: "Most iPhone and Android models.", price: [59, 129] },
  ],
  hotel: [
    { title: "One night, queen room", description: "Breakfast for two included.", price: [129, 249] },
    { title: "Weekend staycation", description: "Two nights, late checkout.", price: [299, 549] },
  ],
};

interface PlannedShop extends ShopInput {
  ownerId: number;
  ownerName: string;
  city: City;
  placeKey: string;
}

function planShops(r: Random): PlannedShop[] {
  const shops: PlannedShop[] = [];
  let ownerId = FIRST_OWNER_ID;
  for (const user of DEMO_USERS.filter((u) => u.role === "merchant")) {
    const spec = MERCHANT_SHOPS[user.key];
    if (!spec) throw new Error(`demo merchant ${user.key} has no shop`);
    const place = placeByKey(spec.place);
    const city = CITY_OF_PLACE[place.key]!;
    const pos = offsetMeters(place.lat, place.lng, 120, -80);
    shops.push({ ownerId: user.id, ownerName: user.firstName, ...spec, ...pos, city, placeKey: place.key });
  }
  for (const place of DEMO_PLACES) {
    const city = CITY_OF_PLACE[place.key]!;
    for (let i = 0; i < SHOPS_PER_PLACE; i++) {
      const category = r.pick(CATEGORY_MIX);
      // Most shops within a kilometre or two of the place, a few further out.
      const spread = r.chance(0.8) ? 900 : 2500;
      const pos = offsetMeters(place.lat, place.lng, r.gaussian() * spread, r.gaussian() * spread);
      const number = r.int(1, city === "shanghai" ? 1999 : 480);
      let name: string;
      let address: string;
      if (city === "shanghai") {
        name = `${r.pick(ZH_BRANDS[category])}（${ZH_BRANCH[place.key]}）`;
        address = `${r.pick(ZH_STREETS[place.key]!)}${number}号, 上海`;
      } else {
        name = r.pick(EN_BRANDS[category]);
        const { streets, tail } = EN_STREETS[place.key]!;
        address = `${number} ${r.pick(streets)}, ${tail}`;
      }
      shops.push({
        ownerId: ownerId++,
        ownerName: city === "shanghai" ? r.pick(["王", "张", "陈", "刘", "赵", "周"]) + r.pick(["先生", "女士"]) : r.pick(["Maria", "David", "Priya", "Marcus", "Elena", "Kenji", "Fatima", "Tom"]),
        name,
        category,
        ...pos,
        address,
        openingHours: r.pick(HOURS[city][category]),
        city,
        placeKey: place.key,
      });
    }
  }
  return shops;
}

function placeByKey(key: string): DemoPlace {
  const place = DEMO_PLACES.find((p) => p.key === key);
  if (!place) throw new Error(`no demo place ${key}`);
  return place;
}

export async function seedDemoData(
  repos: Repositories,
  now: Date,
): Promise<{ shops: number; deals: number; reviews: number; created: boolean }> {
  if ((await repos.shops.count()) > 0) return { shops: 0, deals: 0, reviews: 0, created: false };
  const r = createRandom(SEED);

  for (const user of DEMO_USERS) await repos.users.ensure({ id: user.id, firstName: user.firstName });

  let shops = 0;
  let deals = 0;
  /** The other shops on sale, by place, for the demo reviews (the demo merchants' own start with none). */
  const reviewable: ReviewedShopPlan[] = [];
  for (const planned of planShops(r)) {
    if (planned.ownerId >= FIRST_OWNER_ID) await repos.users.ensure({ id: planned.ownerId, firstName: planned.ownerName });
    const shop = await repos.shops.create({
      ownerId: BigInt(planned.ownerId),
      name: planned.name,
      category: planned.category,
      lat: planned.lat,
      lng: planned.lng,
      address: planned.address,
      openingHours: planned.openingHours,
      // A few shops still wait for an operator; the demo merchants' are live.
      status: planned.ownerId < FIRST_OWNER_ID || r.chance(0.95) ? ShopStatus.APPROVED : ShopStatus.PENDING,
      currency: CURRENCY[planned.city],
    });
    shops++;
    if (shop.status !== ShopStatus.APPROVED) continue;

    const onSale: ReviewedShopPlan["deals"] = [];
    if (planned.ownerId >= FIRST_OWNER_ID) reviewable.push({ shop, placeKey: planned.placeKey, language: planned.city === "shanghai" ? "zh" : "en", deals: onSale });
    const templates = (planned.city === "shanghai" ? ZH_DEALS : EN_DEALS)[planned.category];
    const count = planned.ownerId < FIRST_OWNER_ID ? templates.length : r.int(1, 3);
    for (let k = 0; k < count; k++) {
      const template = planned.ownerId < FIRST_OWNER_ID ? templates[k]! : r.pick(templates);
      const priceMajor = r.int(template.price[0], template.price[1]);
      const priceMinor = priceMajor * 100 - (planned.city === "new-york" && r.chance(0.5) ? 1 : 0);
      const originalPriceMinor = Math.round(priceMajor * (1.2 + r.next() * 0.8)) * 100;
      const quantity = r.pick([50, 100, 200, 300, 500, 1000]);
      const soldCount = Math.min(quantity, Math.floor(Math.exp(r.next() * Math.log(quantity + 1))) - 1);
      const roll = r.next();
      // Most offers are live; a few are paused or already sold out.
      const status = roll < 0.04 ? DealStatus.PAUSED : DealStatus.ACTIVE;
      const stockLeft = roll > 0.97 ? 0 : quantity - soldCount;
      const startedDaysAgo = r.chance(0.15) ? 0 : r.int(1, 45);
      const startsAt = new Date(now.getTime() - startedDaysAgo * DAY_MS - r.int(0, 23) * 3_600_000);
      const deal = await repos.deals.create({
        shopId: shop.id,
        title: template.title,
        description: template.description,
        finePrint: planned.city === "shanghai" ? "需提前预约；节假日通用。" : "Reservation recommended. Tax and tip not included.",
        photoFileId: null,
        currency: shop.currency,
        priceMinor,
        originalPriceMinor: Math.max(originalPriceMinor, priceMinor),
        quantity,
        stockLeft,
        soldCount: quantity - stockLeft,
        perPersonLimit: r.pick([1, 2, 5, 10]),
        voucherValidDays: r.pick([30, 60, 90]),
        status,
        category: shop.category,
        lat: shop.lat,
        lng: shop.lng,
        ...cellsOf(shop),
        startsAt,
        endsAt: new Date(now.getTime() + r.int(7, 60) * DAY_MS),
      });
      if (status === DealStatus.ACTIVE && stockLeft > 0) onSale.push(deal);
      deals++;
    }
  }
  const reviews = await seedDemoReviews(repos, reviewable, now);
  return { shops, deals, reviews, created: true };
}
