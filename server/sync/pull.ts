import type { Checkpoint, PullResponse } from '../../sync';
import type { Queryable } from '../db';
import type { CollectionSpec } from './collections';

/**
 * One page of changes after a checkpoint. Only rows whose writing transaction is older than the
 * oldest transaction still running are served: anything that commits later has a larger xid, so
 * it sorts after every checkpoint handed out here and no row is ever skipped.
 *
 * `heldBack` says that rows after the checkpoint exist but were withheld because an older
 * transaction is still open (a long print request, a migration, another plant's report). Such a
 * transaction may never announce the collection when it ends, so the device must come back on its
 * own. The page and the flag are read in one statement, from one snapshot, so the flag names
 * exactly the committed rows this page left out: a probe in a second statement would also count
 * rows committed in between, which announce themselves, and send devices pulling twice; and a
 * transaction ending in between would move xmin past rows neither served nor reported. Rows of
 * transactions still open are invisible to any reader; they announce themselves on commit.
 */
export async function pullChanges<Doc>(
  db: Queryable,
  spec: CollectionSpec<Doc>,
  checkpoint: Checkpoint | null,
  limit: number,
  deviceId: string,
): Promise<PullResponse<Doc>> {
  const t = spec.table;
  const params: unknown[] = [limit];
  const after: string[] = [];
  if (checkpoint) {
    params.push(checkpoint.xid, checkpoint.id);
    after.push(`(${t}.change_xid, ${t}.id) > ($${params.length - 1}::xid8, $${params.length}::uuid)`);
  }
  if (spec.scope === 'device') {
    params.push(deviceId);
    after.push(`${t}.device_id = $${params.length}`);
  }
  const where = after.length > 0 ? `WHERE ${after.join(' AND ')}` : '';
  // Both parts walk the (change_xid, id) index from the checkpoint, whatever the planner believes
  // about the table: PGlite has no autovacuum, so a plant's tables may never have been analysed,
  // and a page that also filtered on xmin inside the LIMIT was estimated at a few rows and planned
  // as "read every row after the checkpoint, then sort" (0.6 s a page at 100,000 balances, growing
  // with the plant). Rows at or above xmin sort after every row below it, so dropping them after
  // the LIMIT leaves a prefix of the same page, and the newest row after the checkpoint says
  // whether any were held back (an EXISTS is planned for a quick hit and may read the whole table
  // to find none). The xid has names of its own: ORDER BY a name that is also an output
  // column sorts by that column, and '1008' < '759' as text would page past unsent rows.
  const result = await db.query<Record<string, unknown>>(
    `WITH visible AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin),
     held AS (
       SELECT COALESCE((SELECT ${t}.change_xid FROM ${t} ${where} ORDER BY ${t}.change_xid DESC, ${t}.id DESC LIMIT 1) >= visible.xmin, false) AS held_back FROM visible
     )
     SELECT page.*, held.held_back FROM visible CROSS JOIN held LEFT JOIN LATERAL (
       SELECT next.* FROM (
         SELECT ${spec.select}, ${t}.change_xid AS order_xid, ${t}.change_xid::text AS checkpoint_xid FROM ${t} ${where}
          ORDER BY ${t}.change_xid, ${t}.id LIMIT $1
       ) AS next WHERE next.order_xid < visible.xmin
     ) AS page ON true
     ORDER BY page.order_xid, page.id`,
    params,
  );
  const heldBack = Boolean(result.rows[0]?.held_back);
  const rows = result.rows.filter((row) => row.checkpoint_xid !== null && row.checkpoint_xid !== undefined);
  const documents = rows.map((row) => ({ ...spec.toDocument(row), _deleted: Boolean(row.deleted) }));
  const last = rows.at(-1);
  return { documents, checkpoint: last ? { xid: String(last.checkpoint_xid), id: String(last.id) } : checkpoint, ...(heldBack ? { heldBack } : {}) };
}
