/**
 * A device token as the server issues it: `dev_` and 32 random bytes in base64url. A handheld
 * reads it typed, from a wedge scan or from the camera; scanners may put a symbology identifier
 * (`]Q1`) or spaces around it, so it is found inside the text rather than matched whole.
 */
const DEVICE_TOKEN = /dev_[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/;

export function deviceTokenIn(text: string): string | null {
  return DEVICE_TOKEN.exec(text)?.[0] ?? null;
}
