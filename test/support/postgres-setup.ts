// Before any test: the PostgreSQL server the contract tests run on (and the
// PgBouncer in front of it) must be there when named, and must be named in CI
// (never skipped silently).
import pg from "pg";

export default async function checkPostgres(): Promise<void> {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    if (process.env.CI) {
      throw new Error("CI runs the contract tests on PostgreSQL too, but TEST_POSTGRES_URL is not set (.ci/run sets it after starting the server)");
    }
    return;
  }
  const pooler = process.env.TEST_PGBOUNCER_URL;
  if (!pooler && process.env.CI) {
    throw new Error("CI runs the contract tests through PgBouncer too, but TEST_PGBOUNCER_URL is not set (.ci/run sets it after starting PgBouncer)");
  }
  if (pooler) await reachable(pooler, "TEST_PGBOUNCER_URL");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    const { rows } = await client.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'`);
    if (rows.length === 0) throw new Error("the PostGIS extension is not installed on that server (Debian: postgresql-15-postgis-3)");
  } catch (error) {
    throw new Error(`TEST_POSTGRES_URL=${url} cannot be used: ${(error as Error).message}`, { cause: error });
  } finally {
    await client.end().catch(() => {});
  }
}

async function reachable(url: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new Error(`${name}=${url} cannot be used: ${(error as Error).message}`, { cause: error });
  } finally {
    await client.end().catch(() => {});
  }
}
