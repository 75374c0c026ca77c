import { judgeReEnrolment, type ReEnrolmentRefusal } from '../../domain/auth';
import { appendAudit, type Actor, type AuditEntry } from '../audit';
import { transactionWithRetry, type Db } from '../db';
import { AppError } from '../errors';
import { DEVICE_COLUMNS, toDevice, type Device, type DeviceRow } from './devices';
import { hashToken } from './tokens';

export interface ReEnrolment {
  device: Device;
  previous: Device;
}

const refusals: Record<ReEnrolmentRefusal, [409 | 422, string]> = {
  same_device: [422, "That is this device's own enrolment token, not the previous one."],
  device_replaces_another: [409, 'This enrolment already replaces another one of this handheld.'],
  device_already_replaced: [409, 'That enrolment was already replaced by another enrolment.'],
  replacement_cycle: [409, 'That enrolment came after this one: enrolments of a handheld cannot replace each other in a circle.'],
};

/**
 * Records that the enrolment `deviceId` (the caller's, proven by its token and session) replaces
 * the enrolment whose token the handheld still holds, so ops it queued under the old device id
 * are still its own when it sends them. Holding both tokens is the proof: only a supervisor
 * issues them, and only the handheld that was given both can show both. The previous enrolment
 * may be revoked (that is why a handheld is usually enrolled again); one still active is revoked
 * here, since a handheld has one live enrolment. The link is written once and audited; asking
 * again answers the same and writes nothing.
 */
export async function replacePreviousEnrolment(db: Db, actor: Actor, deviceId: string, previousToken: string): Promise<ReEnrolment> {
  return transactionWithRetry(db, async (tx) => {
    const found = await tx.query<{ id: string }>('SELECT id FROM devices WHERE token_hash = $1', [hashToken(previousToken)]);
    const previousId = found.rows[0]?.id;
    if (!previousId) throw new AppError(422, 'previous_device_unknown', 'The previous enrolment token belongs to no device enrolled on this server.');
    // Both rows in id order, so two handhelds claiming each other's enrolments wait instead of deadlocking.
    const locked = await tx.query<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [[deviceId, previousId]]);
    const current = locked.rows.find((r) => r.id === deviceId);
    const previous = locked.rows.find((r) => r.id === previousId);
    if (!current || !previous) throw new AppError(404, 'not_found', 'That device was not found.');
    if (current.revoked_at) throw new AppError(401, 'device_revoked', 'This device has been revoked. Ask a supervisor to enrol it again.');
    const successors = await tx.query<{ id: string; replaces_device_id: string }>('SELECT id, replaces_device_id FROM devices WHERE replaces_device_id = ANY($1::uuid[])', [[deviceId, previousId]]);
    const replacedBy = (id: string) => successors.rows.find((r) => r.replaces_device_id === id)?.id ?? null;
    const line = await tx.query<{ id: string }>(
      `WITH RECURSIVE line(id) AS (
         SELECT $1::uuid
         UNION SELECT d.replaces_device_id FROM devices d JOIN line l ON d.id = l.id WHERE d.replaces_device_id IS NOT NULL)
       SELECT id FROM line`,
      [previousId],
    );
    const verdict = judgeReEnrolment(
      { id: current.id, replaces: current.replaces_device_id, replacedBy: replacedBy(current.id) },
      { id: previous.id, replaces: previous.replaces_device_id, replacedBy: replacedBy(previous.id) },
      line.rows.map((r) => r.id),
    );
    if (verdict.kind === 'refused') {
      const [status, message] = refusals[verdict.code];
      throw new AppError(status, verdict.code, message, { deviceId, previousDeviceId: previousId });
    }
    if (verdict.kind === 'already_linked') return { device: toDevice(current), previous: toDevice(previous) };

    const linked = await tx.query<DeviceRow>(`UPDATE devices SET replaces_device_id = $2, version = version + 1 WHERE id = $1 RETURNING ${DEVICE_COLUMNS}`, [deviceId, previousId]);
    const device = toDevice(linked.rows[0]!);
    const audit: AuditEntry[] = [
      {
        action: 'device.replaces',
        entityType: 'device',
        entityId: deviceId,
        before: { replacesDeviceId: null },
        after: { replacesDeviceId: previousId, previous: { name: previous.name, revokedAt: toDevice(previous).revokedAt } },
      },
    ];
    let retired = toDevice(previous);
    if (!previous.revoked_at) {
      const revoked = await tx.query<DeviceRow>(`UPDATE devices SET revoked_at = now(), version = version + 1 WHERE id = $1 RETURNING ${DEVICE_COLUMNS}`, [previousId]);
      await tx.query('UPDATE sessions SET revoked_at = now() WHERE device_id = $1 AND revoked_at IS NULL', [previousId]);
      retired = toDevice(revoked.rows[0]!);
      audit.push({ action: 'device.revoked', entityType: 'device', entityId: previousId, before: toDevice(previous), after: retired, reason: `replaced by enrolment ${device.name} (${deviceId})` });
    }
    await appendAudit(tx, actor, audit);
    return { device, previous: retired };
  });
}
