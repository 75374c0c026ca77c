import { beforeEach, describe, expect, it } from 'vitest';
import { forgetOffline, offlineSignIn, rememberForOffline } from './offline-login';
import type { StoredSession } from './session';

/** The browser's localStorage as far as sign-in uses it: strings under keys. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  dump(): string {
    return JSON.stringify([...this.items]);
  }
}

const storage = new MemoryStorage();
const token = 'ses_Gq3k0m2yYt1rXcVb8nLpQwErTyUiOpAsDfGhJkLzXcV';
const session: StoredSession = { token, expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', username: 'picker', displayName: 'Picker', roles: ['operator'], locale: 'en', active: true, version: 1 } };
const record = () => JSON.parse(storage.getItem('lotline.offline.picker') ?? 'null') as { verifier: { hash: string }; sealed: { iv: string; data: string } } | null;

beforeEach(() => {
  storage.clear();
  // The module reads localStorage when none is passed, as in the browser.
  (globalThis as { localStorage?: Storage }).localStorage = storage;
});

describe('offline sign-in on a handheld', () => {
  it('opens the session with the right password only', async () => {
    await rememberForOffline('picker', 'pick-pass-1', session, { onDevice: true });
    expect(await offlineSignIn('picker', 'pick-pass-2')).toBeNull();
    expect(await offlineSignIn('Picker', 'pick-pass-1')).toEqual(session);
  });

  it('never keeps the bearer token in clear, in any encoding', async () => {
    await rememberForOffline('picker', 'pick-pass-1', session, { onDevice: true });
    const stored = storage.dump();
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.slice(4, 20));
    expect(stored).not.toContain(btoa(JSON.stringify(session)).slice(0, 24));
  });

  it('does not let the verifier stand in for the password', async () => {
    await rememberForOffline('picker', 'pick-pass-1', session, { onDevice: true });
    const { verifier, sealed } = record()!;
    const raw = Uint8Array.from(atob(verifier.hash), (c) => c.charCodeAt(0));
    const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
    const iv = Uint8Array.from(atob(sealed.iv), (c) => c.charCodeAt(0));
    const data = Uint8Array.from(atob(sealed.data), (c) => c.charCodeAt(0));
    await expect(crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, data)).rejects.toThrow();
    expect(await offlineSignIn('picker', verifier.hash)).toBeNull();
  });

  it('refuses a record moved to another user name', async () => {
    await rememberForOffline('picker', 'pick-pass-1', session, { onDevice: true });
    storage.setItem('lotline.offline.clerk', storage.getItem('lotline.offline.picker')!);
    expect(await offlineSignIn('clerk', 'pick-pass-1')).toBeNull();
  });

  it('keeps nothing for a console sign-in, and drops what an earlier one left', async () => {
    await rememberForOffline('picker', 'pick-pass-1', session, { onDevice: true });
    await rememberForOffline('picker', 'pick-pass-1', session, { onDevice: false });
    expect(storage.length).toBe(0);
  });

  it('drops a record of the old kind that held the token in clear', async () => {
    storage.setItem('lotline.offline.picker', JSON.stringify({ salt: 'AAAA', hash: 'x', iterations: 1, session }));
    expect(await offlineSignIn('picker', 'pick-pass-1')).toBeNull();
    expect(storage.getItem('lotline.offline.picker')).toBeNull();
  });

  it('does not open an expired session, and forgets on request', async () => {
    await rememberForOffline('picker', 'pick-pass-1', session, { onDevice: true });
    expect(await offlineSignIn('picker', 'pick-pass-1', Date.parse(session.expiresAt) + 1)).toBeNull();
    forgetOffline('picker');
    expect(await offlineSignIn('picker', 'pick-pass-1')).toBeNull();
  });
});
