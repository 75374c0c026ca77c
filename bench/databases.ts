import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../server/db';

export const PG_URL = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export async function admin(sql: string, url = PG_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export { schemaUrl } from '../server/test-support/cluster';

/** Runs a benchmark on the machine's PostgreSQL in a schema of its own, dropped before and after. */
export async function onBenchPostgres<T>(schema: string, fn: (db: Db) => Promise<T>): Promise<T> {
  await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  const db = await openPostgres({ connectionString: PG_URL, schema });
  try {
    return await fn(db);
  } finally {
    await db.close();
    await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
}

/**
 * A schema that is expensive to build (a million lots) kept between runs: built once, marked with
 * `key` (what was built, so a change of shape rebuilds it), and reused while the mark matches.
 * Returns whether it was built now, and how long that took.
 */
export async function cachedSchema(schema: string, key: string, build: (db: Db) => Promise<void>): Promise<{ built: boolean; seconds: number }> {
  const probe = await openPostgres({ connectionString: PG_URL, schema, max: 1 });
  try {
    const marked = await probe.query<{ key: string }>(`SELECT key FROM bench_cache`).catch(() => ({ rows: [] as { key: string }[] }));
    if (marked.rows[0]?.key === key) return { built: false, seconds: 0 };
  } finally {
    await probe.close();
  }
  await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  const db = await openPostgres({ connectionString: PG_URL, schema });
  const started = performance.now();
  try {
    await build(db);
    await db.exec('ANALYZE');
    await db.query(`CREATE TABLE bench_cache (key text NOT NULL)`);
    await db.query(`INSERT INTO bench_cache VALUES ($1)`, [key]);
  } catch (error) {
    await db.close();
    await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    throw error;
  }
  await db.close();
  return { built: true, seconds: (performance.now() - started) / 1000 };
}

/** Runs a benchmark on an in-memory embedded database. */
export async function onBenchPglite<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openPglite();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
