import { appendAudit, type Actor } from '../audit';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import type { Session } from './sessions';
import { hashToken, newToken } from './tokens';

export interface Device {
  id: string;
  name: string;
  enrolledAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  appVersion: string | null;
  queueDepth: number | null;
  /** The enrolment of the same handheld this one replaced; its ops are still this handheld's. */
  replacesDeviceId: string | null;
  version: number;
}

export interface DeviceRow {
  id: string;
  name: string;
  enrolled_at: Date;
  revoked_at: Date | null;
  last_seen_at: Date | null;
  app_version: string | null;
  queue_depth: number | null;
  replaces_device_id: string | null;
  version: number;
}

export const DEVICE_COLUMNS = 'id, name, enrolled_at, revoked_at, last_seen_at, app_version, queue_depth, replaces_device_id, version';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toDevice(row: DeviceRow): Device {
  return {
    id: row.id,
    name: row.name,
    enrolledAt: new Date(row.enrolled_at).toISOString(),
    revokedAt: iso(row.revoked_at),
    lastSeenAt: iso(row.last_seen_at),
    appVersion: row.app_version,
    queueDepth: row.queue_depth,
    replacesDeviceId: row.replaces_device_id,
    version: row.version,
  };
}

/** The token is returned once, at enrolment, and never again: only its hash is kept. */
export async function enrolDevice(db: Db, actor: Actor, name: string): Promise<{ device: Device; token: string }> {
  const token = newToken('dev');
  return db.transaction(async (tx) => {
    const result = await tx.query<DeviceRow>(
      `INSERT INTO devices (name, token_hash, enrolled_by) VALUES ($1, $2, $3) RETURNING ${DEVICE_COLUMNS}`,
      [name, hashToken(token), actor.id],
    );
    const device = toDevice(result.rows[0]!);
    await appendAudit(tx, actor, [{ action: 'device.enrolled', entityType: 'device', entityId: device.id, after: device }]);
    return { device, token };
  });
}

export async function revokeDevice(db: Db, actor: Actor, id: string, reason: string): Promise<Device> {
  return db.transaction(async (tx) => {
    const current = await tx.query<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = $1 FOR UPDATE`, [id]);
    const before = current.rows[0];
    if (!before) throw new AppError(404, 'not_found', 'That device was not found.');
    if (before.revoked_at) throw new AppError(409, 'conflict', 'That device is already revoked.');
    const result = await tx.query<DeviceRow>(
      `UPDATE devices SET revoked_at = now(), version = version + 1 WHERE id = $1 RETURNING ${DEVICE_COLUMNS}`,
      [id],
    );
    await tx.query('UPDATE sessions SET revoked_at = now() WHERE device_id = $1 AND revoked_at IS NULL', [id]);
    const after = toDevice(result.rows[0]!);
    await appendAudit(tx, actor, [{ action: 'device.revoked', entityType: 'device', entityId: id, before: toDevice(before), after, reason }]);
    return after;
  });
}

export async function listDevices(db: Queryable): Promise<Device[]> {
  const result = await db.query<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices ORDER BY enrolled_at DESC`);
  return result.rows.map(toDevice);
}

export type DeviceLookup = { status: 'active'; device: Device } | { status: 'revoked'; device: Device } | { status: 'unknown' };

export async function findDeviceByToken(db: Queryable, token: string): Promise<DeviceLookup> {
  const result = await db.query<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE token_hash = $1`, [hashToken(token)]);
  const row = result.rows[0];
  if (!row) return { status: 'unknown' };
  const device = toDevice(row);
  return row.revoked_at ? { status: 'revoked', device } : { status: 'active', device };
}

/**
 * The device a signed-in request comes from: its session must have been opened with an
 * enrolment token, and the request must carry that same token (`X-Lotline-Device`), so holding
 * a session alone never speaks for a handheld.
 */
export async function requireSessionDevice(db: Queryable, session: Session, token: string | undefined): Promise<Device> {
  if (!token || !session.deviceId) throw new AppError(403, 'device_required', 'This needs an enrolled device: sign in on the handheld with its enrolment.');
  const lookup = await findDeviceByToken(db, token);
  if (lookup.status === 'revoked') throw new AppError(401, 'device_revoked', 'This device has been revoked. Ask a supervisor to enrol it again.');
  if (lookup.status !== 'active' || lookup.device.id !== session.deviceId) throw new AppError(403, 'device_mismatch', 'This session was opened on another device.');
  return lookup.device;
}
