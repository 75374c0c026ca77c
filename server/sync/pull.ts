import type { Checkpoint, PullResponse } from '../../sync';
import type { Queryable } from '../db';
import type { CollectionSpec } from './collections';

/**
 * One page of changes after a checkpoint. Only rows whose writing transaction is older than the
 * oldest transaction still running are served: anything that commits later has a larger xid, so
 * it sorts after every checkpoint handed out here and no row is ever skipped.
 *
 * `heldBack` says that committed rows after the new checkpoint exist but were not served: an
 * older transaction is still open (a long print request, another instance's batch) and held them
 * back, or they committed while this page was read. The transaction that held them may never
 * announce this collection, so the device must come back on its own. A short page is followed by
 * one probe of the (change_xid, id) index; rows of transactions still open are invisible to any
 * reader, and those transactions announce their own changes when they commit.
 */
export async function pullChanges<Doc>(
  db: Queryable,
  spec: CollectionSpec<Doc>,
  checkpoint: Checkpoint | null,
  limit: number,
  deviceId: string,
): Promise<PullResponse<Doc>> {
  const t = spec.table;
  const page = await readPage(db, spec, checkpoint, limit, deviceId, `${t}.change_xid < pg_snapshot_xmin(pg_current_snapshot())`);
  const documents = page.rows.map((row) => ({ ...spec.toDocument(row), _deleted: Boolean(row.deleted) }));
  const last = page.rows.at(-1);
  const next = last ? { xid: String(last.checkpoint_xid), id: String(last.id) } : checkpoint;
  if (page.rows.length >= limit) return { documents, checkpoint: next };
  const more = await readPage(db, spec, next, 1, deviceId, 'true', `1 AS id, ${t}.change_xid::text AS checkpoint_xid`);
  return { documents, checkpoint: next, ...(more.rows.length > 0 ? { heldBack: true } : {}) };
}

/** Rows after the checkpoint in (change_xid, id) order; the xid travels as text under a name of its own. */
function readPage(db: Queryable, spec: CollectionSpec<unknown>, checkpoint: Checkpoint | null, limit: number, deviceId: string, visible: string, columns?: string) {
  const t = spec.table;
  const params: unknown[] = [limit];
  const where = [visible];
  if (checkpoint) {
    params.push(checkpoint.xid, checkpoint.id);
    where.push(`(${t}.change_xid, ${t}.id) > ($${params.length - 1}::xid8, $${params.length}::uuid)`);
  }
  if (spec.scope === 'device') {
    params.push(deviceId);
    where.push(`${t}.device_id = $${params.length}`);
  }
  // ORDER BY a name that is also an output column sorts by that column: '1008' < '759' as text
  // would page past unsent rows, so the order names the table's own xid8 column.
  return db.query<Record<string, unknown>>(
    `SELECT ${columns ?? `${spec.select}, ${t}.change_xid::text AS checkpoint_xid`} FROM ${t}
      WHERE ${where.join(' AND ')} ORDER BY ${t}.change_xid, ${t}.id LIMIT $1`,
    params,
  );
}
