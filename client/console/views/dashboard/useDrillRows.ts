import { useCallback, useEffect, useState } from 'react';
import { drillPage, type StockRow } from '../../../api/dashboard';
import { DRILL_AUTO_ROWS, DRILL_PAGE, type OpenedFigure } from './drill-state';

export interface DrillRows {
  rows: StockRow[];
  /** Cursor of the next page; null once every row is in. */
  next: string | null;
  loading: boolean;
  /** Whether the server says the stock changed since the figure was read. */
  changed: boolean | null;
  error: unknown;
}

type Held = DrillRows & { of: OpenedFigure | null };

const EMPTY: DrillRows = { rows: [], next: null, loading: false, changed: null, error: null };

/**
 * The rows behind an opened figure, page after page up to DRILL_AUTO_ROWS, then a page more each
 * time `more` is called. The first page carries the figure's asOf, so the server can say whether
 * the stock moved since.
 */
export function useDrillRows(token: string, figure: OpenedFigure | null): DrillRows & { more(): void } {
  const [held, setHeld] = useState<Held>({ ...EMPTY, of: null });
  useEffect(() => {
    if (!figure) return;
    let cancelled = false;
    void (async () => {
      const rows: StockRow[] = [];
      let after: string | undefined;
      let changed: boolean | null = null;
      try {
        do {
          const page = await drillPage(token, figure.query, { asOf: after === undefined ? figure.asOf : undefined, after, limit: DRILL_PAGE });
          if (cancelled) return;
          if (after === undefined) changed = page.changed;
          rows.push(...page.rows);
          after = page.next ?? undefined;
          setHeld({ of: figure, rows: [...rows], next: page.next, loading: page.next !== null && rows.length < DRILL_AUTO_ROWS, changed, error: null });
        } while (after !== undefined && rows.length < DRILL_AUTO_ROWS);
      } catch (error) {
        if (!cancelled) setHeld({ of: figure, rows, next: after ?? null, loading: false, changed, error });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [token, figure]);
  // Rows of another figure than the one open are not this one's: until its first page comes, it is loading.
  const state: Held = held.of === figure ? held : { ...EMPTY, of: figure, loading: figure !== null };
  const more = useCallback(() => {
    const after = state.next;
    if (!figure || after === null || state.loading) return;
    setHeld((s) => ({ ...s, loading: true }));
    drillPage(token, figure.query, { after, limit: DRILL_PAGE }).then(
      (page) => setHeld((s) => (s.of === figure ? { ...s, rows: [...s.rows, ...page.rows], next: page.next, loading: false } : s)),
      (error: unknown) => setHeld((s) => (s.of === figure ? { ...s, loading: false, error } : s)),
    );
  }, [token, figure, state.next, state.loading]);
  return { rows: state.rows, next: state.next, loading: state.loading, changed: state.changed, error: state.error, more };
}
