import { KPIS, KPI_IDS, computeKpi, type KpiBetter, type KpiDefinition, type KpiId, type KpiInputs, type KpiUnit, type Localized, type Period } from '../../domain/kpi';
import type { Queryable } from '../db';
import { qcReleases, lotsWithoutExpiry, traceTimes } from './lots';
import { labelCounts, printerDowntime } from './printing';
import { drillCounts, recallCounts } from './recalls';
import { stockCounts } from './stock';
import { windowOf, type Window } from './window';

export interface KpiReading {
  id: KpiId;
  label: Localized;
  unit: KpiUnit;
  better: KpiBetter;
  target: { min: number; max: number } | null;
  formula: Localized;
  value: number | null;
  /** What the figure was computed from, so a person can redo the sum. */
  inputs: { name: string; label: Localized; value: number }[];
}

/** Each source is read once however many KPIs it feeds. */
function sources(db: Queryable, w: Window) {
  const once = <T>(read: () => Promise<T>) => {
    let pending: Promise<T> | undefined;
    return () => (pending ??= read());
  };
  return {
    labels: once(() => labelCounts(db, w)),
    downtime: once(() => printerDowntime(db, w)),
    releases: once(() => qcReleases(db, w)),
    traces: once(() => traceTimes(db, w)),
    recalls: once(() => recallCounts(db, w)),
    drills: once(() => drillCounts(db, w)),
    stock: once(() => stockCounts(db, w)),
    expiry: once(() => lotsWithoutExpiry(db, w)),
  };
}

type Sources = ReturnType<typeof sources>;

const GATHER: { [K in KpiId]: (s: Sources) => Promise<KpiInputs<K>> } = {
  label_print_success_rate: async (s) => (await s.labels()).success,
  label_waste_per_1000: async (s) => (await s.labels()).waste,
  reprint_rate: async (s) => (await s.labels()).reprints,
  printer_downtime: (s) => s.downtime(),
  qc_release_cycle_time: (s) => s.releases(),
  trace_time_p95: (s) => s.traces(),
  recall_letters_sent_days: async (s) => (await s.recalls()).letters,
  recall_responded_by_day_3: async (s) => (await s.recalls()).respondedBy[3],
  recall_responded_by_day_7: async (s) => (await s.recalls()).respondedBy[7],
  recall_responded_by_day_14: async (s) => (await s.recalls()).respondedBy[14],
  recall_quantity_recovered: async (s) => (await s.recalls()).recovered,
  mock_recall_time: async (s) => (await s.drills()).time,
  mock_recall_accounted: async (s) => (await s.drills()).accounted,
  inventory_turnover: async (s) => (await s.stock()).turnover,
  days_of_supply: async (s) => (await s.stock()).supply,
  lots_without_expiry: (s) => s.expiry(),
  shipments_without_consignee_address: async (s) => (await s.stock()).shipments,
};

async function readOne<K extends KpiId>(id: K, s: Sources): Promise<KpiReading> {
  const inputs = await GATHER[id](s);
  const kpi = KPIS[id] as KpiDefinition<string>;
  const values = inputs as Readonly<Record<string, number>>;
  return {
    id,
    label: kpi.label,
    unit: kpi.unit,
    better: kpi.better,
    target: kpi.target ?? null,
    formula: kpi.formula,
    value: computeKpi(id, inputs),
    inputs: Object.entries(kpi.inputs).map(([name, label]) => ({ name, label, value: values[name]! })),
  };
}

/**
 * The KPIs over a checked period (domain/kpi parsePeriod), all of them or the ones asked for. Read
 * in one transaction, so the figures that share a source agree with each other.
 */
export async function readKpis(db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> }, period: Period, ids: readonly KpiId[] = KPI_IDS): Promise<KpiReading[]> {
  return db.transaction(async (tx) => {
    const s = sources(tx, windowOf(period));
    const readings: KpiReading[] = [];
    // One after another: a transaction is one connection, which runs one statement at a time.
    for (const id of ids) readings.push(await readOne(id, s));
    return readings;
  });
}
