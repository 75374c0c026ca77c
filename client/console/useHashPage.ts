import { useEffect, useState } from 'react';
import { pageFromHash, type ConsolePage } from '../navigation/console-pages';

/** The console page the address names, if the user may open it; else the first page they may. */
export function useHashPage(allowed: readonly ConsolePage[]): ConsolePage | null {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const onHash = () => setHash(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const named = pageFromHash(hash);
  return named && allowed.includes(named) ? named : (allowed[0] ?? null);
}
