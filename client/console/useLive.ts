import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { watchConsole } from '../api/console';

/**
 * What a console page shows, read once and again after every committed change the server
 * streams (coalesced to at most twice a second), with the last refusal in words.
 */
export function useLive<T>(token: string, load: (token: string) => Promise<T>): { data: T | undefined; error: string | null; reload(): Promise<void>; fail(e: unknown): void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  // The loader is usually an inline function: keep the latest without restarting the stream.
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });
  const fail = useCallback((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)), []);
  const reload = useCallback(async () => {
    try {
      setData(await loader.current(token));
      setError(null);
    } catch (e) {
      fail(e);
    }
  }, [token, fail]);
  useEffect(() => {
    const abort = new AbortController();
    const first = setTimeout(() => void reload(), 0);
    let pending: ReturnType<typeof setTimeout> | undefined;
    watchConsole(token, () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        void reload();
      }, 500);
    }, abort.signal);
    return () => {
      abort.abort();
      clearTimeout(first);
      if (pending) clearTimeout(pending);
    };
  }, [reload, token]);
  return { data, error, reload, fail };
}
