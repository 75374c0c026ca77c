import type { FigureQuery } from '../../../api/dashboard';

/** A figure someone clicked: which rows it sums, how many it said, and the state it was read in. */
export interface OpenedFigure {
  query: FigureQuery;
  title: string;
  rows: number;
  asOf: string;
}

/**
 * How the rows listed compare with the figure clicked. `differs`: every row is in and their
 * number is not the figure's — the stock moved between the click and the read. `changed`: the
 * server says the stock changed since the figure was read, though the count still agrees (or not
 * all rows are in yet). `same`: the rows are the figure.
 */
export type DrillAgreement = 'same' | 'changed' | 'differs';

export function drillAgreement(figure: Pick<OpenedFigure, 'rows'>, listed: { rows: number; complete: boolean; changed: boolean | null }): DrillAgreement {
  if (listed.complete && listed.rows !== figure.rows) return 'differs';
  return listed.changed === true ? 'changed' : 'same';
}

/** Rows fetched per page, and how many the drawer fetches before asking: enough for a figure on screen, not a whole plant. */
export const DRILL_PAGE = 500;
export const DRILL_AUTO_ROWS = 5000;
