/**
 * A mock recall is judged by how much of what the plant brought in of the scope its books can
 * place again, and how long it took to say so. Accounting for more than 100 % is as much a finding
 * as less: a double-booked shipment inflates the figure. The band is the plant's acceptance
 * criterion for the drill, inclusive at both ends.
 */
export const DRILL_PASS_BAND = { min: 99.5, max: 101.5 } as const;

/** Share of the quantity brought in that is accounted for, to two decimals; null when nothing was brought in. */
export function drillPercent(accounted: number, broughtIn: number): number | null {
  if (broughtIn === 0) return null;
  return Math.round((accounted / broughtIn) * 10_000) / 100;
}

/** Whether a drill's figure lies in the pass band; a scope with nothing brought in proves nothing and fails. */
export function drillPasses(percent: number | null): boolean {
  return percent !== null && percent >= DRILL_PASS_BAND.min && percent <= DRILL_PASS_BAND.max;
}

/** The instants the server stamped as each part of the answer was ready (ISO 8601). */
export interface DrillStopwatch {
  startedAt: string;
  scopeReadyAt: string;
  consigneesReadyAt: string;
  balanceReadyAt: string;
}

/** Milliseconds from the start of the drill to each part being ready. */
export interface DrillTimings {
  scopeMs: number;
  consigneesMs: number;
  balanceMs: number;
}

export function drillTimings(w: DrillStopwatch): DrillTimings {
  const start = Date.parse(w.startedAt);
  const since = (at: string) => Date.parse(at) - start;
  const timings = { scopeMs: since(w.scopeReadyAt), consigneesMs: since(w.consigneesReadyAt), balanceMs: since(w.balanceReadyAt) };
  if (Object.values(timings).some((ms) => !Number.isFinite(ms) || ms < 0)) throw new RangeError('a drill stopwatch reads its parts after its start');
  return timings;
}

/** A stopwatch reading as people say it: 850 ms, 2.4 s, 1 min 05 s. */
export function formatStopwatch(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(Math.round(ms / 100) / 10).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
