import type { Context } from 'hono';
import { SYNC_VERSION } from '../../sync';
import { requireSessionDevice, type Session } from '../auth';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { Pusher } from './push-ops';

/**
 * Sync needs both keys: the user's session and the enrolment token of the handheld that session
 * was opened on. It also refuses a client speaking an older sync format.
 */
export async function requireDevice(db: Db, c: Context, session: Session): Promise<Pusher> {
  const version = c.req.header('x-lotline-sync-version');
  if (version !== String(SYNC_VERSION)) {
    throw new AppError(409, 'sync_version', 'This app is out of date for the server. Reload to update it.', { server: SYNC_VERSION, client: version ?? null });
  }
  const device = await requireSessionDevice(db, session, c.req.header('x-lotline-device'));
  const appVersion = c.req.header('x-lotline-app-version')?.slice(0, 40) ?? null;
  const depthHeader = Number(c.req.header('x-lotline-queue-depth'));
  const queueDepth = Number.isInteger(depthHeader) && depthHeader >= 0 ? depthHeader : null;
  // Written at most every few seconds per device: pulls are frequent, the console needs only recency.
  await db.query(
    `UPDATE devices SET last_seen_at = now(), app_version = COALESCE($2, app_version), queue_depth = COALESCE($3, queue_depth), last_user_id = $4
      WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < now() - interval '5 seconds'
                         OR app_version IS DISTINCT FROM COALESCE($2, app_version) OR queue_depth IS DISTINCT FROM COALESCE($3, queue_depth))`,
    [device.id, appVersion, queueDepth, session.user.id],
  );
  return { userId: session.user.id, username: session.user.username, deviceId: device.id };
}
