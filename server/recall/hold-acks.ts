import { deviceHoldState, type DeviceHoldState, type RecallState } from '../../domain/recall';
import type { Checkpoint } from '../../sync';
import type { Queryable } from '../db';
import { getRecall } from './cases';

/**
 * Records that a device has every hold of each open case it did not acknowledge yet, when the
 * lots checkpoint it sent is past the current version of every lot the case holds. A device only
 * sends a checkpoint after storing every lot before it, so nothing is written for a device that
 * might still be missing one; a held lot changed again later must be pulled again first.
 */
export async function acknowledgeHolds(db: Queryable, deviceId: string, checkpoint: Checkpoint): Promise<number> {
  const made = await db.query(
    `INSERT INTO recall_hold_acks (case_id, device_id, checkpoint_xid, checkpoint_id)
     SELECT c.id, $1, $2::xid8, $3::uuid FROM recall_cases c
      WHERE c.state IN ('open','recovering') AND NOT c.drill
        AND NOT EXISTS (SELECT 1 FROM recall_hold_acks a WHERE a.case_id = c.id AND a.device_id = $1)
        AND NOT EXISTS (SELECT 1 FROM recall_holds h JOIN lots l ON l.id = h.lot_id WHERE h.case_id = c.id AND (l.change_xid, l.id) > ($2::xid8, $3::uuid))
     ON CONFLICT DO NOTHING`,
    [deviceId, checkpoint.xid, checkpoint.id],
  );
  return made.rowCount;
}

export interface HoldDevice {
  id: string;
  name: string;
  state: DeviceHoldState;
  acknowledgedAt: string | null;
  lastSeenAt: string | null;
  appVersion: string | null;
  /** Ops waiting on the device when it last reported. */
  queueDepth: number | null;
}

export interface CaseHoldDevices {
  case: { id: string; number: string; state: RecallState; drill: boolean; heldAt: string | null; lots: number };
  devices: HoldDevice[];
  /** How many of the devices have the holds, and how many not yet. */
  has: number;
  missing: number;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** Every enrolled device that is not revoked, and whether it has the case's holds. */
export async function readHoldDevices(db: Queryable, caseId: string): Promise<CaseHoldDevices> {
  const c = await getRecall(db, caseId);
  const holds = await db.query<{ lots: number }>('SELECT count(*)::int AS lots FROM recall_holds WHERE case_id = $1', [caseId]);
  const heldAt = c.drill ? null : c.openedAt;
  const rows = await db.query<{ id: string; name: string; acknowledged_at: Date | null; last_seen_at: Date | null; app_version: string | null; queue_depth: number | null }>(
    `SELECT d.id, d.name, a.acknowledged_at, d.last_seen_at, d.app_version, d.queue_depth
       FROM devices d LEFT JOIN recall_hold_acks a ON a.device_id = d.id AND a.case_id = $1
      WHERE d.revoked_at IS NULL
      ORDER BY d.name, d.id`,
    [caseId],
  );
  const devices = rows.rows.map((r) => {
    const acknowledgedAt = iso(r.acknowledged_at);
    const lastSeenAt = iso(r.last_seen_at);
    return { id: r.id, name: r.name, state: deviceHoldState({ acknowledgedAt, lastSeenAt, heldAt }), acknowledgedAt, lastSeenAt, appVersion: r.app_version, queueDepth: r.queue_depth };
  });
  const has = devices.filter((d) => d.state === 'has_hold').length;
  return {
    case: { id: c.id, number: c.number, state: c.state, drill: c.drill, heldAt, lots: holds.rows[0]!.lots },
    devices,
    has,
    missing: devices.length - has,
  };
}
