/** A refusal that retrying will not cure: the device was revoked, the session ended, the app is too old. */
export interface SyncRefusal {
  code: string;
  message: string;
  /** For the wording on the device (how many pushes failed, and why). */
  params?: Record<string, string | number>;
}

interface HttpErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  status?: unknown;
  parameters?: { status?: unknown; errors?: unknown[] };
}

/**
 * RxDB hands a handler's error to `error$` as plain JSON (name, message, code, parameters), not as the
 * thrown SyncHttpError, so the class is recognised by name and the status travels in `parameters`.
 */
export function syncRefusal(error: unknown): SyncRefusal | null {
  const wrapped = error as HttpErrorShape | null;
  const cause = (wrapped?.parameters?.errors?.[0] ?? wrapped) as HttpErrorShape | null;
  if (!cause || cause.name !== 'SyncHttpError' || typeof cause.code !== 'string') return null;
  const status = typeof cause.status === 'number' ? cause.status : cause.parameters?.status;
  if (status === 401 || status === 403 || cause.code === 'sync_version') return { code: cause.code, message: String(cause.message ?? cause.code) };
  return null;
}
