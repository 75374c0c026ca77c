import { api } from './client';

/**
 * Reference lists a handheld needs offline (customers, printers, templates): fetched when the
 * server answers, kept on the device, and the kept copy used when it does not.
 */
export async function cachedGet<T>(token: string, path: string, key: string, pick: (body: unknown) => T[]): Promise<T[]> {
  const storageKey = `lotline.cache.${key}`;
  try {
    const fresh = pick(await api<unknown>(path, { token }));
    localStorage.setItem(storageKey, JSON.stringify(fresh));
    return fresh;
  } catch {
    try {
      return JSON.parse(localStorage.getItem(storageKey) ?? '[]') as T[];
    } catch {
      return [];
    }
  }
}
