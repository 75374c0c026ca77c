import type { StoredSession } from './session';

/**
 * Offline sign-in: after a successful online sign-in the device keeps a PBKDF2 verifier of the
 * password (never the password) beside that user's session. Offline, the same password unlocks
 * the same session; the server re-checks the session at the next sync.
 */
interface Verifier {
  salt: string;
  hash: string;
  iterations: number;
  session: StoredSession;
}

const KEY = (username: string) => `lotline.offline.${username.toLowerCase()}`;
const ITERATIONS = 120_000;

const toBase64 = (bytes: ArrayBuffer | Uint8Array) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFKC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return toBase64(bits);
}

export async function rememberForOffline(username: string, password: string, session: StoredSession): Promise<void> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const verifier: Verifier = { salt: toBase64(salt), hash: await derive(password, salt, ITERATIONS), iterations: ITERATIONS, session };
  localStorage.setItem(KEY(username), JSON.stringify(verifier));
}

export async function offlineSignIn(username: string, password: string, now = Date.now()): Promise<StoredSession | null> {
  const raw = localStorage.getItem(KEY(username));
  if (!raw) return null;
  const verifier = JSON.parse(raw) as Verifier;
  if (Date.parse(verifier.session.expiresAt) <= now) return null;
  const hash = await derive(password, fromBase64(verifier.salt), verifier.iterations);
  return hash === verifier.hash ? verifier.session : null;
}

/** After a sign-out the server accepted, the old session is dead: so is its offline twin. */
export function forgetOffline(username: string): void {
  localStorage.removeItem(KEY(username));
}
