/** The enrolment of this handheld: a token a supervisor issued, kept until revoked. */
export interface DeviceEnrolment {
  token: string;
  /** Learnt from the server at the first sign-in on this device. */
  id?: string;
  name?: string;
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
