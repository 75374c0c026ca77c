/**
 * The webhook signature scheme, as Stripe and GitHub receivers know it: the receiver computes
 * HMAC-SHA256 with the subscription's secret over `<t>.<raw body>` and compares it with `v1`;
 * the timestamp inside the signed text stops an old request from being replayed later.
 * The HMAC itself is the server's (node:crypto); here is only what is signed and how it reads.
 */
export const SIGNATURE_HEADER = 'Lotline-Signature';
export const EVENT_ID_HEADER = 'Lotline-Event-Id';
export const EVENT_TYPE_HEADER = 'Lotline-Event-Type';

/** The exact text that is signed. */
export function signedText(unixSeconds: number, body: string): string {
  return `${unixSeconds}.${body}`;
}

export function signatureHeader(unixSeconds: number, hexDigest: string): string {
  return `t=${unixSeconds},v1=${hexDigest}`;
}

export interface ParsedSignature {
  timestamp: number;
  /** Every v1 digest given (several while a secret is rotated). */
  digests: string[];
}

export function parseSignatureHeader(header: string): ParsedSignature | null {
  let timestamp: number | undefined;
  const digests: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return null;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value)) return null;
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-f]{64}$/.test(value)) return null;
      digests.push(value);
    }
  }
  return timestamp === undefined || digests.length === 0 ? null : { timestamp, digests };
}

/** A receiver refuses a signature older (or newer) than this: five minutes, as is usual. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function timestampFresh(timestamp: number, nowSeconds: number, tolerance = SIGNATURE_TOLERANCE_SECONDS): boolean {
  return Math.abs(nowSeconds - timestamp) <= tolerance;
}
