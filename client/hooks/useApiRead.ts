import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';

/** A failure as a person can act on it: the server's own message when it sent one. */
export const failureText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/**
 * One thing the console reads from the API: read once the view is up (and again every `everyMs`
 * if given), with the last error in words. `read` must keep its identity between renders
 * (useCallback) or it is read again on every render.
 */
export function useApiRead<T>(read: () => Promise<T>, everyMs?: number) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setValue(await read());
      setError(null);
    } catch (e) {
      setError(failureText(e));
    }
  }, [read]);
  useEffect(() => {
    const first = setTimeout(() => void reload(), 0);
    const every = everyMs ? setInterval(() => void reload(), everyMs) : null;
    return () => {
      clearTimeout(first);
      if (every) clearInterval(every);
    };
  }, [reload, everyMs]);
  return { value, setValue, error, setError, reload };
}
