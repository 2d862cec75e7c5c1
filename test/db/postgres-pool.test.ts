// Each instance's share of the server's connections is set in DATABASE_URL,
// as with Prisma's own engine; pg must not see the parameter.
import { describe, expect, it } from "vitest";
import { behindPooler, writerPool } from "../../src/db/postgres-url.js";

describe("the PostgreSQL pool's size", () => {
  it("is connection_limit from the URL, taken off what pg connects with", () => {
    expect(writerPool("postgresql://bot:pw@db:5432/nearbuy?connection_limit=5&sslmode=require")).toEqual({
      connectionString: "postgresql://bot:pw@db:5432/nearbuy?sslmode=require",
      max: 5,
    });
  });

  it("is pg's default when the URL does not set it", () => {
    expect(writerPool("postgresql://bot@db/nearbuy")).toEqual({ connectionString: "postgresql://bot@db/nearbuy" });
  });

  it("refuses a limit that is not a whole number of at least one", () => {
    expect(() => writerPool("postgresql://bot@db/nearbuy?connection_limit=0")).toThrow(/connection_limit must be a whole number/);
    expect(() => writerPool("postgresql://bot@db/nearbuy?connection_limit=many")).toThrow(/connection_limit/);
  });
});

describe("a pooler in transaction mode", () => {
  it("is pgbouncer=true in the URL, as for Prisma's own engine, taken off what pg connects with", () => {
    const url = "postgresql://bot@pgbouncer:6432/nearbuy?pgbouncer=true&connection_limit=20";
    expect(behindPooler(url)).toBe(true);
    expect(writerPool(url)).toEqual({ connectionString: "postgresql://bot@pgbouncer:6432/nearbuy", max: 20 });
    expect(behindPooler("postgresql://bot@db:5432/nearbuy")).toBe(false);
    expect(behindPooler("postgresql://bot@db:5432/nearbuy?pgbouncer=false")).toBe(false);
  });
});
