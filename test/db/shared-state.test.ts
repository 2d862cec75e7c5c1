// What bot instances sharing the database agree on through it: rate limits
// (a compare-and-set on the kept uses), the claim of a webhook update, and the
// tidying that keeps those tables small.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRateLimiter } from "../../src/core/rate-limit.service.js";
import { createSharedStateService } from "../../src/core/shared-state.service.js";
import { openDatabase, type Db } from "../../src/db/client.js";
import { createRepositories } from "../../src/db/repositories.js";
import { describeEachDatabase } from "../support/databases.js";
import type { TestDb } from "../support/test-db.js";

const MINUTE = 60_000;
const START = new Date("2026-11-29T02:00:00Z");

describeEachDatabase("shared state on one database", (open) => {
  let t: TestDb;
  let now = START;
  const clock = () => now;
  // A second connection to the same file: what another instance has.
  let other: ReturnType<typeof createRepositories>;
  let otherDb: Db;

  beforeAll(async () => {
    t = await open();
    otherDb = openDatabase(t.url);
    other = createRepositories(otherDb);
  });
  afterAll(async () => {
    await otherDb.$disconnect();
    await t.close();
  });

  it("gives racing takers exactly the limit, then frees a use as its time leaves the window", async () => {
    const rule = { limit: 5, windowMs: 15 * MINUTE };
    // Each taker reads, then writes if nobody wrote since: interleaved, most lose a race and read again.
    const limiters = [createRateLimiter({ limits: t.repos.rateLimits, clock }, "test", rule), createRateLimiter({ limits: t.repos.rateLimits, clock }, "test", rule)];
    const taken = await Promise.all(Array.from({ length: 24 }, (_, i) => limiters[i % 2]!.take("racer")));
    expect(taken.filter(Boolean)).toHaveLength(5);
    expect(await limiters[0]!.take("someone else")).not.toBeNull();
    now = new Date(START.getTime() + 15 * MINUTE - 1);
    expect(await limiters[1]!.take("racer")).toBeNull();
    // All five were taken at START: a full window later, five more.
    now = new Date(START.getTime() + 15 * MINUTE);
    const later = [];
    for (let i = 0; i < 6; i++) later.push(await limiters[i % 2]!.take("racer"));
    expect(later.map(Boolean)).toEqual([true, true, true, true, true, false]);
  });

  it("takes back a use given back, and only that one", async () => {
    now = START;
    const limiter = createRateLimiter({ limits: t.repos.rateLimits, clock }, "give-back", { limit: 2, windowMs: MINUTE });
    const first = await limiter.take("u");
    now = new Date(START.getTime() + 1000);
    await limiter.take("u");
    expect(await limiter.take("u")).toBeNull();
    await first!.giveBack();
    await first!.giveBack();
    expect(await limiter.take("u")).not.toBeNull();
    expect(await limiter.take("u")).toBeNull();
  });

  it("lets exactly one instance claim an update, whichever asks first, and forgets claims after a day", async () => {
    now = START;
    const a = createSharedStateService({ ...sharedRepos(t.repos), clock });
    const b = createSharedStateService({ ...sharedRepos(other), clock });
    const claims = await Promise.all([a.claimUpdate(1001), b.claimUpdate(1001), a.claimUpdate(1001), b.claimUpdate(1002)]);
    expect(claims[3]).toBe(true);
    expect(claims.slice(0, 3).filter(Boolean)).toHaveLength(1);
    expect(await b.forgetOld(new Date(START.getTime() + 24 * 60 * MINUTE))).toMatchObject({ updates: 0 });
    expect(await b.forgetOld(new Date(START.getTime() + 24 * 60 * MINUTE + 1))).toMatchObject({ updates: 2 });
    expect(await a.claimUpdate(1001)).toBe(true);
  });
});

function sharedRepos(repos: ReturnType<typeof createRepositories>) {
  return { takenUpdates: repos.takenUpdates, modelAnswers: repos.modelAnswers, rateLimits: repos.rateLimits };
}
