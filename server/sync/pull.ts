import type { Checkpoint, PullResponse } from '../../sync';
import type { Queryable } from '../db';
import type { CollectionSpec } from './collections';

/**
 * One page of changes after a checkpoint. Only rows whose writing transaction is older than the
 * oldest transaction still running are served: anything that commits later has a larger xid, so
 * it sorts after every checkpoint handed out here and no row is ever skipped.
 */
export async function pullChanges<Doc>(
  db: Queryable,
  spec: CollectionSpec<Doc>,
  checkpoint: Checkpoint | null,
  limit: number,
  deviceId: string,
): Promise<PullResponse<Doc>> {
  const params: unknown[] = [limit];
  const where = ['change_xid < pg_snapshot_xmin(pg_current_snapshot())'];
  if (checkpoint) {
    params.push(checkpoint.xid, checkpoint.id);
    where.push(`(change_xid, id) > ($${params.length - 1}::xid8, $${params.length}::uuid)`);
  }
  if (spec.scope === 'device') {
    params.push(deviceId);
    where.push(`device_id = $${params.length}`);
  }
  // The text copy of the xid has a name of its own: ORDER BY a name that is also an output
  // column sorts by that column, and '1008' < '759' as text would page past unsent rows.
  const result = await db.query<Record<string, unknown>>(
    `SELECT ${spec.select}, ${spec.table}.change_xid::text AS checkpoint_xid FROM ${spec.table}
      WHERE ${where.join(' AND ')} ORDER BY ${spec.table}.change_xid, ${spec.table}.id LIMIT $1`,
    params,
  );
  const documents = result.rows.map((row) => ({ ...spec.toDocument(row), _deleted: Boolean(row.deleted) }));
  const last = result.rows.at(-1);
  return { documents, checkpoint: last ? { xid: String(last.checkpoint_xid), id: String(last.id) } : checkpoint };
}
