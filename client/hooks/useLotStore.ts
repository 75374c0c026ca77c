import { useEffect, useState } from 'react';
import { startWith } from 'rxjs';
import type { LotStore } from '../db/lot-store';

/** What `ask` answers from the lot store, asked again whenever the store takes in a page. */
export function useLotStore<T>(lotStore: LotStore | null, ask: ((store: LotStore) => T[]) | null): T[] {
  const [answer, setAnswer] = useState<{ ask: typeof ask; found: T[] }>({ ask: null, found: [] });
  useEffect(() => {
    if (!lotStore || !ask) return;
    const sub = lotStore.changed$.pipe(startWith(null)).subscribe(() => setAnswer({ ask, found: ask(lotStore) }));
    return () => sub.unsubscribe();
  }, [lotStore, ask]);
  // Until the store answered this question, the answer to an earlier one is not shown.
  return answer.ask === ask && ask ? answer.found : [];
}
