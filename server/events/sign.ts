import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseSignatureHeader, signatureHeader, signedText, timestampFresh } from '../../domain/events';

/** The Lotline-Signature header for a body sent at `unixSeconds`. */
export function signWebhook(secret: string, unixSeconds: number, body: string): string {
  const digest = createHmac('sha256', secret).update(signedText(unixSeconds, body)).digest('hex');
  return signatureHeader(unixSeconds, digest);
}

/**
 * What a receiver does with a delivery (and what the README shows): the header parses, the
 * timestamp is recent, and one v1 digest equals the HMAC of `<t>.<raw body>`, compared in
 * constant time.
 */
export function verifyWebhook(secret: string, header: string | undefined, body: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const parsed = header ? parseSignatureHeader(header) : null;
  if (!parsed || !timestampFresh(parsed.timestamp, nowSeconds)) return false;
  const expected = createHmac('sha256', secret).update(signedText(parsed.timestamp, body)).digest();
  return parsed.digests.some((hex) => {
    const given = Buffer.from(hex, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
