import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../server/db';

const PG_URL = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

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

/** Runs a benchmark on an in-memory embedded database. */
export async function onBenchPglite<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openPglite();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
