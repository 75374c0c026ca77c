export const CHECK_KINDS = ['none', 'mod10', 'mod37'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Luhn: catches every single-digit error and most swaps of neighbours. Digits only. */
function luhn(body: string): string {
  let sum = 0;
  let double = true;
  for (let i = body.length - 1; i >= 0; i--) {
    let d = body.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return String((10 - (sum % 10)) % 10);
}

/** ISO/IEC 7064 MOD 37,36 (hybrid): one check character from 0-9A-Z over the alphanumerics of the body. */
function mod37(body: string): string {
  const m = 36;
  let p = m;
  for (const c of body) {
    const v = ALPHANUMERIC.indexOf(c);
    if (v === -1) continue; // separators carry no weight
    let s = (p + v) % m;
    if (s === 0) s = m;
    p = (s * 2) % (m + 1);
  }
  return ALPHANUMERIC[(m + 1 - p) % m]!;
}

export function checkCharacter(kind: CheckKind, body: string): string {
  if (kind === 'mod10') return luhn(body);
  if (kind === 'mod37') return mod37(body);
  return '';
}

/** Whether the last character is the right check character for the rest. */
export function hasValidCheck(kind: CheckKind, value: string): boolean {
  if (kind === 'none') return true;
  if (value.length < 2) return false;
  return checkCharacter(kind, value.slice(0, -1)) === value.slice(-1);
}
