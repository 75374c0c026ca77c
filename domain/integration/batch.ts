import type { z } from 'zod';
import { canonicalJson } from '../text';
import { normaliseExternalId } from './external-id';

/**
 * What became of one row of a batch. A row is never reported written unless it was; `pending`:
 * it changes regulated master data and waits, unwritten, for QC's signature (its requestId).
 */
export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'pending' | 'error';

export interface RowProblem {
  /** The field as sent, dotted (`gtin`, `lines.2.qty`); empty when the row itself is wrong. */
  field: string;
  message: string;
  /**
   * invalid (the row itself), duplicate (of an earlier row), unknown_reference, conflict (with a
   * stored record), change_pending (the record has a change waiting for QC's signature).
   */
  code?: 'invalid' | 'duplicate' | 'unknown_reference' | 'conflict' | 'change_pending';
}

export interface RowResult {
  index: number;
  /** The row's external id as normalised, or as sent (trimmed) when it could not be read. */
  externalId: string | null;
  outcome: RowOutcome;
  id?: string;
  /** The change request that holds a `pending` row. */
  requestId?: string;
  field?: string;
  message?: string;
  code?: RowProblem['code'];
  problems?: RowProblem[];
}

export type JudgedRow<T> = { index: number; externalId: string; ok: true; value: T } | { index: number; externalId: string | null; ok: false; problems: RowProblem[] };

function rawExternalId(row: unknown): string | null {
  if (typeof row !== 'object' || row === null || !('externalId' in row)) return null;
  const raw = (row as { externalId: unknown }).externalId;
  if (typeof raw !== 'string') return null;
  const verdict = normaliseExternalId(raw);
  return verdict.ok ? verdict.id : raw.trim();
}

/**
 * Checks every row of a batch against the record's schema and against the rows before it: a
 * second row with the same external id (after trimming) or the same value of a field that must
 * be unique is refused and names the row it repeats. Rows are judged independently, so one bad
 * row does not stop the others.
 */
export function judgeRows<S extends z.ZodType<{ externalId: string }>>(rows: readonly unknown[], schema: S, uniqueFields: readonly (keyof z.output<S> & string)[] = []): JudgedRow<z.output<S>>[] {
  const firstSeen = new Map<string, number>();
  return rows.map((row, index) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message, code: 'invalid' as const }));
      return { index, externalId: rawExternalId(row), ok: false, problems };
    }
    const value = parsed.data;
    for (const field of ['externalId', ...uniqueFields] as const) {
      const key = `${field}\u0000${String((value as Record<string, unknown>)[field])}`;
      const earlier = firstSeen.get(key);
      if (earlier !== undefined) return { index, externalId: value.externalId, ok: false, problems: [{ field, message: `repeats row ${earlier} of this batch`, code: 'duplicate' }] };
    }
    for (const field of ['externalId', ...uniqueFields]) firstSeen.set(`${field}\u0000${String((value as Record<string, unknown>)[field])}`, index);
    return { index, externalId: value.externalId, ok: true, value };
  });
}

/** A row refused before anything was written, as the answer reports it. */
export function refusedRow(row: { index: number; externalId: string | null; problems: readonly RowProblem[] }): RowResult {
  const first = row.problems[0] ?? { field: '', message: 'is not valid', code: 'invalid' };
  return { index: row.index, externalId: row.externalId, outcome: 'error', field: first.field, message: first.message, code: first.code ?? 'invalid', problems: [...row.problems] };
}

/** Whether a row changes a stored record: compared by canonical JSON, so key order never matters. */
export function outcomeFor(stored: unknown, incoming: unknown): Exclude<RowOutcome, 'error'> {
  if (stored === undefined || stored === null) return 'created';
  return canonicalJson(stored) === canonicalJson(incoming) ? 'unchanged' : 'updated';
}

export interface BatchSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  pending: number;
  errors: number;
}

export function summarise(results: readonly RowResult[]): BatchSummary {
  const summary: BatchSummary = { rows: results.length, created: 0, updated: 0, unchanged: 0, pending: 0, errors: 0 };
  for (const r of results) {
    if (r.outcome === 'error') summary.errors++;
    else summary[r.outcome]++;
  }
  return summary;
}
