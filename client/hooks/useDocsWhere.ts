import { useEffect, useState } from 'react';

interface Queryable {
  find(query: { selector: Record<string, string> }): { $: { subscribe(fn: (docs: { toJSON(): unknown }[]) => void): { unsubscribe(): void } } };
}

/**
 * The live documents whose `field` equals one of `values`: one indexed query per value, so a
 * screen that needs the lots of three products does not read the lots of every product.
 * Until every query has answered for the current values, the answer is empty, never the
 * documents of values asked before.
 */
export function useDocsWhere<T>(collection: Queryable | null | undefined, field: string, values: readonly string[]): T[] {
  const key = [...new Set(values)].sort().join('\n');
  const [found, setFound] = useState<{ key: string; docs: T[] }>({ key: '', docs: [] });
  useEffect(() => {
    const wanted = key ? key.split('\n') : [];
    if (!collection || wanted.length === 0) return;
    const answers = new Map<string, T[]>();
    const subs = wanted.map((value) =>
      collection.find({ selector: { [field]: value } }).$.subscribe((rows) => {
        answers.set(value, rows.map((r) => r.toJSON() as T));
        if (answers.size === wanted.length) setFound({ key, docs: wanted.flatMap((v) => answers.get(v) ?? []) });
      }),
    );
    return () => subs.forEach((s) => s.unsubscribe());
  }, [collection, field, key]);
  return found.key === key ? found.docs : [];
}
