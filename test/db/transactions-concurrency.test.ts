// Updates are handled in parallel, and Prisma's SQLite adapter shares one
// connection: a transaction left open across an await must not take in (or
// roll back) what another chat writes meanwhile.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.js";
import type { TestDb } from "../support/test-db.js";

let t: TestDb;
describeEachDatabase("transactions on a shared connection", (openDb, kind) => {
  beforeAll(async () => {
    t = await openDb();
  });
  afterAll(() => t.close());

  describe("transactions on the shared SQLite connection", () => {
    it("a rolled-back transaction loses nothing another chat wrote while it was open", async () => {
      let opened!: () => void;
      const open = new Promise<void>((resolve) => (opened = resolve));
      const failing = t.db.$transaction(async (tx) => {
        await tx.user.create({ data: { id: 1n, firstName: "Rolled back" } });
        opened();
        await sleep(50);
        throw new Error("changed their mind");
      });
      await open;
      const other = t.db.user.create({ data: { id: 2n, firstName: "Other chat" } });
      await expect(failing).rejects.toThrow("changed their mind");
      await other;
      const ids = (await t.db.user.findMany({ select: { id: true } })).map((u) => u.id);
      expect(ids).toEqual([2n]);
    });

    it("a plain statement that comes while a transaction is open is not taken into it: kept when it rolls back, and the reader sees it", async () => {
      const order: string[] = [];
      const failing = t.db
        .$transaction(async (tx) => {
          await tx.user.create({ data: { id: 20n, firstName: "Rolled back" } });
          await sleep(50);
          order.push("transaction ends");
          throw new Error("changed their mind");
        })
        .catch((error: Error) => order.push(error.message));
      await sleep(10);
      const now = new Date();
      // As a new user's first update writes its row: one plain INSERT, then a read on the reader.
      const plain = t.db
        .$executeRaw`INSERT INTO "User" ("id", "firstName", "createdAt", "updatedAt") VALUES (${21n}, ${"Plain SQL"}, ${now}, ${now})`
        .then(() => order.push("plain INSERT done"));
      await Promise.all([failing, plain]);
      if (kind === "SQLite") expect(order).toEqual(["transaction ends", "changed their mind", "plain INSERT done"]);
      expect((await t.repos.users.find(21n))?.firstName).toBe("Plain SQL");
      expect(await t.repos.users.find(20n)).toBeNull();
    });

    it("two interactive transactions never see each other's uncommitted writes (on SQLite they run one after the other)", async () => {
      const seen: string[] = [];
      const first = t.db.$transaction(async (tx) => {
        await tx.user.create({ data: { id: 10n, firstName: "First" } });
        await sleep(30);
        seen.push(`first sees ${await tx.user.count({ where: { id: { in: [10n, 11n] } } })}`);
        throw new Error("undo");
      });
      const second = t.db.$transaction(async (tx) => {
        await tx.user.create({ data: { id: 11n, firstName: "Second" } });
        seen.push(`second sees ${await tx.user.count({ where: { id: { in: [10n, 11n] } } })}`);
      });
      await expect(first).rejects.toThrow("undo");
      await second;
      if (kind === "SQLite") expect(seen.sort()).toEqual(["first sees 1", "second sees 1"]);
      // PostgreSQL gives each its own connection (READ COMMITTED): the first may also see what the second has
      // committed meanwhile, but the second never sees the first's row, which is rolled back.
      else expect(seen).toContain("second sees 1");
      expect(await t.db.user.count({ where: { id: { in: [10n, 11n] } } })).toBe(1);
    });
  });
});
