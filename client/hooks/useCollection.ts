import { useEffect, useState } from 'react';

interface LiveQuery {
  $: { subscribe(fn: (docs: { toJSON(): unknown }[]) => void): { unsubscribe(): void } };
}

type Query = () => LiveQuery;

// One empty list, so that memos and effects keyed on the documents do not run again on every drawing.
const NOTHING_YET: never[] = [];

/**
 * The documents of a local query, kept current as replication and the user change them, and
 * whether they have been read yet: an empty list before the first read is not an empty collection.
 */
export function useCollectionState<T>(query: Query | null): { docs: T[]; loaded: boolean } {
  const [state, setState] = useState<{ query: Query | null; docs: T[] }>({ query: null, docs: [] });
  useEffect(() => {
    if (!query) return;
    const sub = query().$.subscribe((found) => setState({ query, docs: found.map((d) => d.toJSON() as T) }));
    return () => sub.unsubscribe();
  }, [query]);
  const loaded = query !== null && state.query === query;
  return { docs: loaded ? state.docs : NOTHING_YET, loaded };
}

/** The documents of a local query, kept current as replication and the user change them. */
export function useCollection<T>(query: Query | null): T[] {
  return useCollectionState<T>(query).docs;
}
