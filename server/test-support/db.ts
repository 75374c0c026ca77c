import { migrate, openPglite, openPostgres, type Db } from '../db';
import pg from 'pg';

export interface TestDb {
  db: Db;
  /** The connection string and schema for a second instance on the same database (PostgreSQL only). */
  postgres?: { url: string; schema: string };
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or an own schema
 * on the PostgreSQL server in DATABASE_URL (dropped first, so a crashed run leaves no trace).
 */
export async function openTestDb(name: string, options: { migrate?: boolean } = {}): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  let db: Db;
  let postgres: TestDb['postgres'];
  if (url) {
    const schema = `lotline_test_${name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    db = await openPostgres({ connectionString: url, schema, applicationName: schema });
    postgres = { url, schema };
  } else {
    db = await openPglite();
  }
  if (options.migrate !== false) await migrate(db);
  return { db, ...(postgres ? { postgres } : {}), close: () => db.close() };
}

export const onPostgres = () => Boolean(process.env.DATABASE_URL);
