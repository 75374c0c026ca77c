import type { StoredSession } from './session';

/**
 * Offline sign-in on an enrolled handheld: after a successful online sign-in the device keeps
 * a PBKDF2 verifier of the password (never the password) and the session sealed with AES-GCM
 * under a second key derived from the password with its own salt. The bearer token is never
 * stored in clear: a copy of the storage, verifier included, does not let anyone act on the
 * server; only the password opens it. The console keeps nothing: it has no offline work.
 */
interface OfflineRecord {
  format: 2;
  expiresAt: string;
  verifier: { salt: string; hash: string; iterations: number };
  sealed: { salt: string; iv: string; data: string; iterations: number };
}

const KEY = (username: string) => `lotline.offline.${username.toLowerCase()}`;
const ITERATIONS = 120_000;

const toBase64 = (bytes: ArrayBuffer | Uint8Array) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const storageOf = (storage: Storage | undefined): Storage => storage ?? globalThis.localStorage;

async function passwordKey(password: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFKC')), 'PBKDF2', false, ['deriveBits', 'deriveKey']);
}

async function verifierHash(password: string, salt: Uint8Array, iterations: number): Promise<string> {
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, await passwordKey(password), 256);
  return toBase64(bits);
}

/** Non-extractable: script on the page can use the key while it is held, never read it out. */
async function sealingKey(password: string, salt: Uint8Array, iterations: number, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, await passwordKey(password), { name: 'AES-GCM', length: 256 }, false, [usage]);
}

// The user name is bound into the seal, so one user's record cannot be passed off as another's.
const additionalData = (username: string) => new TextEncoder().encode(`lotline.offline:${username.toLowerCase()}`);

export interface RememberOptions {
  /** Signed in on an enrolled handheld; the console keeps no offline session. */
  onDevice: boolean;
  storage?: Storage | undefined;
}

export async function rememberForOffline(username: string, password: string, session: StoredSession, options: RememberOptions): Promise<void> {
  const storage = storageOf(options.storage);
  if (!options.onDevice) {
    storage.removeItem(KEY(username));
    return;
  }
  const verifierSalt = crypto.getRandomValues(new Uint8Array(16));
  const sealSalt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await sealingKey(password, sealSalt, ITERATIONS, 'encrypt');
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: additionalData(username) as BufferSource }, key, new TextEncoder().encode(JSON.stringify(session)));
  const record: OfflineRecord = {
    format: 2,
    expiresAt: session.expiresAt,
    verifier: { salt: toBase64(verifierSalt), hash: await verifierHash(password, verifierSalt, ITERATIONS), iterations: ITERATIONS },
    sealed: { salt: toBase64(sealSalt), iv: toBase64(iv), data: toBase64(data), iterations: ITERATIONS },
  };
  storage.setItem(KEY(username), JSON.stringify(record));
}

function readRecord(storage: Storage, username: string): OfflineRecord | null {
  const raw = storage.getItem(KEY(username));
  if (!raw) return null;
  try {
    const record = JSON.parse(raw) as Partial<OfflineRecord>;
    if (record.format === 2 && record.verifier && record.sealed && typeof record.expiresAt === 'string') return record as OfflineRecord;
  } catch {
    // unreadable: dropped below like a record of the old kind
  }
  // A record from an earlier version held the token in clear: it goes, and the next online sign-in seals a new one.
  storage.removeItem(KEY(username));
  return null;
}

export async function offlineSignIn(username: string, password: string, now = Date.now(), storage?: Storage): Promise<StoredSession | null> {
  const record = readRecord(storageOf(storage), username);
  if (!record || Date.parse(record.expiresAt) <= now) return null;
  const { verifier, sealed } = record;
  if ((await verifierHash(password, fromBase64(verifier.salt), verifier.iterations)) !== verifier.hash) return null;
  try {
    const key = await sealingKey(password, fromBase64(sealed.salt), sealed.iterations, 'decrypt');
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) as BufferSource, additionalData: additionalData(username) as BufferSource }, key, fromBase64(sealed.data) as BufferSource);
    return JSON.parse(new TextDecoder().decode(plain)) as StoredSession;
  } catch {
    return null; // tampered with, or sealed for someone else
  }
}

/** After a sign-out the server accepted, the old session is dead: so is its offline twin. */
export function forgetOffline(username: string, storage?: Storage): void {
  storageOf(storage).removeItem(KEY(username));
}
