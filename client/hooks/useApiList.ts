import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../api/client';

/**
 * A list the console reads from the API, with a reload after changes and the last error in
 * words a person can act on.
 */
export function useApiList<T>(token: string, path: string, key: string): { items: T[]; reload(): Promise<void>; error: string | null; setError(message: string | null): void } {
  const [items, setItems] = useState<T[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setItems((await api<Record<string, T[]>>(path, { token }))[key] ?? []);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [token, path, key]);
  useEffect(() => {
    const first = setTimeout(() => void reload(), 0);
    return () => clearTimeout(first);
  }, [reload]);
  return { items, reload, error, setError };
}

/** Sends a change and reloads the list, or keeps the refusal to show. */
export async function submitThenReload(send: () => Promise<unknown>, list: { reload(): Promise<void>; setError(message: string | null): void }): Promise<boolean> {
  try {
    await send();
    list.setError(null);
    await list.reload();
    return true;
  } catch (e) {
    list.setError(e instanceof ApiError ? e.message : String(e));
    return false;
  }
}
