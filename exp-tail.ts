import { openDatabase } from "./src/db/client.js";
import { createDealRepository } from "./src/db/deal.repository.js";
import { createNearbyService } from "./src/core/nearby.service.js";
import { BENCH_NOW } from "./bench/nearby-world.js";
import { createRandom, offsetMeters } from "./src/seed/random.js";
import { CATEGORIES } from "./src/domain/categories.js";
const db = openDatabase(`postgresql://postgres@127.0.0.1:5432/${process.argv[2] ?? "exp_nearby_100000"}`);
const svc = createNearbyService({ deals: createDealRepository(db), clock: () => BENCH_NOW });
const pts = await db.deal.findMany({ select: { lat: true, lng: true }, take: 5000 });
const r = createRandom(5);
const radii = [1, 3, 3, 5, 5, 5, 5, 5, 10, 25];
const res: { ms: number; km: number; cat: boolean }[] = [];
for (let i = 0; i < 2500; i++) {
  const p = pts[r.int(0, pts.length - 1)]!;
  const point = offsetMeters(p.lat, p.lng, r.gaussian() * 1000, r.gaussian() * 1000);
  const km = r.pick(radii);
  const cat = r.chance(0.3);
  const t = performance.now();
  await svc.search({ point, radiusM: km * 1000, ...(cat ? { category: r.pick(CATEGORIES) } : {}) });
  if (i >= 500) res.push({ ms: performance.now() - t, km, cat });
}
const sorted = [...res].sort((a, b) => a.ms - b.ms);
const q = (f: (x: typeof res[0]) => boolean) => { const s = res.filter(f).map((x) => x.ms).sort((a, b) => a - b); return `n=${s.length} p50=${s[Math.floor(s.length / 2)]?.toFixed(2)} p99=${s[Math.floor(s.length * 0.99)]?.toFixed(2)}`; };
console.log("all", q(() => true));
console.log("cat", q((x) => x.cat), "nocat", q((x) => !x.cat));
for (const km of [1, 3, 5, 10, 25]) console.log(km, "km", q((x) => x.km === km), "cat", q((x) => x.km === km && x.cat));
console.log("slowest", sorted.slice(-20).map((x) => `${x.ms.toFixed(1)}:${x.km}${x.cat ? "c" : ""}`).join(" "));
await db.$disconnect();
