import { forgetPreviousEnrolment, loadDevice } from '../session/device';
import { SyncHttpError } from './replication';

/** The server will not record the replacement, and asking again will not change that. */
export interface PreviousEnrolmentRefusal {
  code: string;
  message: string;
}

/** Answers about the request itself or the enrolments' line (400, 409, 422), not about the network or the session. */
const FINAL = new Set([400, 409, 422]);

/**
 * Before a handheld enrolled again pushes anything, the server must know that its new enrolment
 * replaces the previous one, or ops queued under the old device id are rejected for good as
 * another device's. Runs before every push and does nothing once the replacement is recorded.
 * A refusal that asking again will not cure (the old token is unknown to this server, another
 * enrolment already took it over) is handed back and the previous enrolment forgotten, so sending
 * goes on; anything else fails this push, which is tried again with it.
 */
export async function claimPreviousEnrolment(baseUrl: string, headers: Record<string, string>): Promise<PreviousEnrolmentRefusal | null> {
  const device = loadDevice();
  if (!device?.previous) return null;
  const response = await fetch(`${baseUrl}/api/devices/replace`, {
    method: 'POST',
    headers: { ...headers, 'x-lotline-device': device.token, 'content-type': 'application/json' },
    body: JSON.stringify({ previousToken: device.previous.token }),
  });
  if (response.ok) {
    forgetPreviousEnrolment(device.token);
    return null;
  }
  const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
  const code = body.error?.code ?? 'http_error';
  const message = body.error?.message ?? `HTTP ${response.status}`;
  if (!FINAL.has(response.status)) throw new SyncHttpError(response.status, code, message);
  forgetPreviousEnrolment(device.token);
  return { code, message };
}
