/** The enrolment of this handheld: a token a supervisor issued, kept until revoked. */
export interface DeviceEnrolment {
  token: string;
  /** Learnt from the server at the first sign-in on this device. */
  id?: string;
  name?: string;
  /**
   * The enrolment this handheld had before, kept until the server has recorded that this one
   * replaces it: ops queued under its id are sent under this one.
   */
  previous?: { token: string; id: string };
}

const KEY = 'lotline.device';

export function loadDevice(): DeviceEnrolment | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as DeviceEnrolment) : null;
  } catch {
    return null;
  }
}

export function saveDevice(enrolment: DeviceEnrolment): void {
  localStorage.setItem(KEY, JSON.stringify(enrolment));
}

export function forgetDevice(): void {
  localStorage.removeItem(KEY);
}

export function rememberDeviceId(id: string | null): void {
  const device = loadDevice();
  if (device && id && device.id !== id) saveDevice({ ...device, id });
}

/**
 * The enrolment after a new token is entered on this handheld. The enrolment in use becomes the
 * previous one if the handheld ever signed in with it (only then can ops carry its id); one that
 * never did passes on the previous enrolment it was still to claim.
 */
export function reEnrolled(current: DeviceEnrolment | null, token: string): DeviceEnrolment {
  if (!current) return { token };
  if (current.token === token) return current;
  const previous = current.id ? { token: current.token, id: current.id } : current.previous;
  return previous ? { token, previous } : { token };
}

/** The server recorded the replacement (or refused it for good): the previous token is no longer needed. */
export function forgetPreviousEnrolment(token: string): void {
  const device = loadDevice();
  if (device?.token !== token || !device.previous) return;
  const { previous: _done, ...rest } = device;
  saveDevice(rest);
}
