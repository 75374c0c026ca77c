import type { Db } from '../db';

export async function currentTransactionId(db: Db): Promise<bigint> {
  const r = await db.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
  return BigInt(r.rows[0]!.xid);
}

/**
 * Uses up transaction ids, one committed transaction each, so a test can put its own writes on
 * either side of a power of ten. A procedure commits inside its loop: a million ids take seconds.
 */
export async function burnTransactionIds(db: Db, count: number): Promise<void> {
  if (count <= 0) return;
  await db.exec(`CREATE OR REPLACE PROCEDURE lotline_test_burn_xids(n int) LANGUAGE plpgsql AS $$
    BEGIN
      FOR i IN 1..n LOOP
        PERFORM pg_current_xact_id();
        COMMIT;
      END LOOP;
    END $$`);
  await db.query('CALL lotline_test_burn_xids($1)', [count]);
}
