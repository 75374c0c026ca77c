import { useEffect, useState } from 'react';
import { health, type Health } from '../api/client';

export type Connection = { state: 'checking' } | { state: 'online'; health: Health } | { state: 'offline' };

/**
 * Whether the server answers, not merely whether the device has a network: a handheld on the
 * warehouse Wi-Fi with the server down is offline for every purpose that matters here.
 */
export function useConnection(pollMs = 15_000): Connection {
  const [connection, setConnection] = useState<Connection>({ state: 'checking' });
  useEffect(() => {
    let cancelled = false;
    const check = async () => {
      if (!navigator.onLine) {
        if (!cancelled) setConnection({ state: 'offline' });
        return;
      }
      try {
        const h = await health();
        if (!cancelled) setConnection({ state: 'online', health: h });
      } catch {
        if (!cancelled) setConnection({ state: 'offline' });
      }
    };
    void check();
    const timer = setInterval(() => void check(), pollMs);
    const recheck = () => void check();
    window.addEventListener('online', recheck);
    window.addEventListener('offline', recheck);
    return () => {
      cancelled = true;
      clearInterval(timer);
      window.removeEventListener('online', recheck);
      window.removeEventListener('offline', recheck);
    };
  }, [pollMs]);
  return connection;
}
