import type { OpProblem } from '../../sync';
import type { Queryable } from '../db';

export interface OpSummary {
  id: string;
  type: string;
  deviceId: string;
  deviceName: string;
  username: string;
  deviceTime: string;
  receivedAt: string;
  status: string;
  message: string | null;
  /** What the server found, as codes and parameters the console says in its user's language. */
  problems: OpProblem[];
  payload: Record<string, unknown>;
}

export async function listOps(db: Queryable, filter: { deviceId?: string | undefined; status?: string | undefined; limit: number }): Promise<OpSummary[]> {
  const result = await db.query<Record<string, unknown>>(
    `SELECT o.id, o.type, o.device_id, d.name AS device_name, u.username, o.device_time, o.received_at, o.status, o.outcome->>'message' AS message, o.outcome->'problems' AS problems, o.payload
       FROM ops o JOIN devices d ON d.id = o.device_id JOIN users u ON u.id = o.user_id
      WHERE ($1::uuid IS NULL OR o.device_id = $1) AND ($2::text IS NULL OR o.status = $2)
      ORDER BY o.received_at DESC, o.id LIMIT $3`,
    [filter.deviceId ?? null, filter.status ?? null, filter.limit],
  );
  return result.rows.map((r) => ({
    id: r.id as string,
    type: r.type as string,
    deviceId: r.device_id as string,
    deviceName: r.device_name as string,
    username: r.username as string,
    deviceTime: new Date(r.device_time as string).toISOString(),
    receivedAt: new Date(r.received_at as string).toISOString(),
    status: r.status as string,
    message: (r.message as string | null) ?? null,
    problems: (r.problems as OpProblem[] | null) ?? [],
    payload: r.payload as Record<string, unknown>,
  }));
}

export interface DeviceHealth {
  deviceId: string;
  lastUser: string | null;
  opsToday: number;
  rejectedOps: number;
  openExceptions: number;
  /** Set while the device's pushes fail as a whole: why, since when, how many in a row. */
  pushFailing: { code: string; message: string; at: string; failures: number } | null;
}

/** Per device: what the console shows beside last seen and queue depth. */
export async function deviceHealth(db: Queryable): Promise<DeviceHealth[]> {
  const result = await db.query<{ id: string; last_user: string | null; ops_today: number; rejected: number; open_exceptions: number; push_error: { code: string; message: string } | null; push_failed_at: Date | null; push_failures: number }>(
    `SELECT d.id, u.username AS last_user, d.push_error, d.push_failed_at, d.push_failures,
            (SELECT count(*)::int FROM ops o WHERE o.device_id = d.id AND o.received_at > now() - interval '1 day') AS ops_today,
            (SELECT count(*)::int FROM ops o WHERE o.device_id = d.id AND o.status = 'rejected') AS rejected,
            (SELECT count(*)::int FROM stock_exceptions e JOIN ops o ON o.id = e.op_id WHERE o.device_id = d.id AND e.status = 'open') AS open_exceptions
       FROM devices d LEFT JOIN users u ON u.id = d.last_user_id`,
  );
  return result.rows.map((r) => ({
    deviceId: r.id,
    lastUser: r.last_user,
    opsToday: r.ops_today,
    rejectedOps: r.rejected,
    openExceptions: r.open_exceptions,
    pushFailing: r.push_error && r.push_failed_at ? { ...r.push_error, at: new Date(r.push_failed_at).toISOString(), failures: r.push_failures } : null,
  }));
}
