import { useEffect, useState } from 'react';

interface LiveQuery {
  $: { subscribe(fn: (docs: { toJSON(): unknown }[]) => void): { unsubscribe(): void } };
}

/** The documents of a local query, kept current as replication and the user change them. */
export function useCollection<T>(query: (() => LiveQuery) | null): T[] {
  const [docs, setDocs] = useState<T[]>([]);
  useEffect(() => {
    if (!query) return;
    const sub = query().$.subscribe((found) => setDocs(found.map((d) => d.toJSON() as T)));
    return () => sub.unsubscribe();
  }, [query]);
  return docs;
}
