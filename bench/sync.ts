import { measureInitialSync, measureScanLatency } from './sync-browser';
import { measureIngest, pgReachable, type IngestFigures } from './sync-ingest';
import { measureTwoInstances, type TwoInstanceFigures } from './two-instances';
import { mergeResults, option, printTable, repeat, runsOption, spreadCell, spreadFigures, writeResults, type Spread } from './report';

/**
 * `npm run bench -- sync [--runs N] [--plant-lots N] [--plant-serials N] [--lots N]
 * [--two-devices N] [--two-ops N] [--only ingest,scan,initial,two]`: op ingest on the server with
 * a plant's million lots present (against plain INSERTs), scan-to-saved on the Receive screen in
 * throttled Chromium, the first full sync of a device, and two server instances against one.
 * Each measure runs at least 5 times; the medians are judged against the targets.
 */

const PARTS = ['ingest', 'scan', 'initial', 'two'] as const;

function wholeNumber(args: string[], name: string, fallback: number, min: number): number {
  const n = Number(option(args, name) ?? fallback);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}`);
  return n;
}

export async function run(args: string[]): Promise<void> {
  const pgUrl = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
  const runs = runsOption(args);
  const plant = { lots: wholeNumber(args, 'plant-lots', 1_000_000, 1000), serials: wholeNumber(args, 'plant-serials', 5_000_000, 1000) };
  const initialLots = wholeNumber(args, 'lots', 50_000, 100);
  const twoDevices = wholeNumber(args, 'two-devices', 50, 2);
  const twoOps = wholeNumber(args, 'two-ops', 1000, 50);
  const only = new Set((option(args, 'only') ?? PARTS.join(',')).split(','));
  for (const part of only) if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--only takes ${PARTS.join(', ')}`);
  const log = (line: string) => console.log(line);

  const ingest: IngestFigures | null = only.has('ingest') ? await measureIngest(pgUrl, runs, plant, log) : null;
  let scan: { p50: Spread; p95: Spread } | null = null;
  if (only.has('scan')) {
    log(`scan-to-saved: 200 carton scans on the Receive screen, CPU throttled 4x, ${runs} runs...`);
    scan = await repeat(runs, () => measureScanLatency(200, 4).then((s) => ({ p50: s.p50, p95: s.p95 })), log);
  }
  let initial: { seconds: Spread; reopen: Spread; floor: Spread; recordFloor: Spread; ratio: Spread; lots: number; balances: number } | null = null;
  if (only.has('initial')) {
    log(`initial sync: ${initialLots.toLocaleString('en-US')} lots and ${(initialLots * 2).toLocaleString('en-US')} balances into IndexedDB, ${runs} runs...`);
    let docs = { lots: 0, balances: 0 };
    const s = await repeat(runs, async () => {
      const r = await measureInitialSync(initialLots, 2);
      docs = { lots: r.lots, balances: r.balances };
      return { seconds: r.seconds, reopen: r.reopenSeconds, floor: r.fetchFloorSeconds, recordFloor: r.recordFloorSeconds, ratio: r.seconds / r.fetchFloorSeconds };
    }, log);
    initial = { seconds: s.seconds, reopen: s.reopen, floor: s.floor, recordFloor: s.recordFloor, ratio: s.ratio, ...docs };
  }
  let two: TwoInstanceFigures | null = null;
  if (only.has('two') && (await pgReachable(pgUrl))) {
    log(`two instances: ${twoDevices} handhelds x ${twoOps} ops with SSE, printing to ${2} emulators, on two \`lotline serve\` processes against one, ${runs} runs...`);
    two = await measureTwoInstances(pgUrl, runs, twoDevices, twoOps, log);
  }

  const cell = (s: Spread | null | undefined, places = 1) => (s ? spreadCell(s, places) : 'not measured');
  const plantLabel = `${plant.lots.toLocaleString('en-US')} lots + ${plant.serials.toLocaleString('en-US')} serials present`;
  printTable(`Sync: median (min–max) of ${runs} runs`, ['measure', 'value', 'target'], [
    ['scan-to-saved p50 (ms, 4x throttle)', cell(scan?.p50), ''],
    ['scan-to-saved p95 (ms, 4x throttle)', cell(scan?.p95), '<= 50'],
    ['push 10,000 ops, one device, PGlite, demo data only (s)', cell(ingest?.push10k_pglite_s, 2), ''],
    [`push 10,000 ops, one device, PostgreSQL, ${plantLabel} (s)`, cell(ingest?.push10k_pg_s, 2), ''],
    [`20 devices at once, PostgreSQL, ${plantLabel} (ops/s)`, cell(ingest?.ingest_pg_ops_per_s, 0), '>= 2,000'],
    ['multi-row INSERT of the same rows into a logged ops-shaped table (rows/s)', cell(ingest?.floor_pg_rows_per_s, 0), 'floor'],
    ['ingest / INSERT floor (per run)', cell(ingest?.ingest_ratio_to_insert, 3), ''],
    [`initial sync ${initial?.lots ?? initialLots} lots + ${initial?.balances ?? initialLots * 2} balances (s)`, cell(initial?.seconds), '<= 30'],
    ['the app reopened with them: until Settings counts every lot and balance (s)', cell(initial?.reopen), ''],
    ['every page of both fetched and parsed in the same page, nothing stored (s)', cell(initial?.floor), 'floor'],
    ['initial sync / fetch floor (per run)', cell(initial?.ratio, 2), ''],
    ['the same records put one by one into IndexedDB with RxDB-style indexes (s)', cell(initial?.recordFloor), 'earlier design'],
    [`two instances, ${twoDevices} handhelds with SSE + printing (ops/s)`, cell(two?.two_instance_ops_per_s, 0), ''],
    [`one instance, the same ${twoDevices} handhelds (ops/s)`, cell(two?.one_instance_ops_per_s, 0), 'side by side'],
    ['two / one (per run)', cell(two?.ratio, 3), ''],
  ]);
  // Only the parts that ran replace their figures; the others keep theirs from an earlier run.
  const figures: Record<string, unknown> = { runs };
  if (scan) Object.assign(figures, spreadFigures('scan_p50_ms', scan.p50, 1), spreadFigures('scan_p95_ms', scan.p95, 1), { scan_measured_at: new Date().toISOString() });
  if (ingest) {
    Object.assign(
      figures,
      spreadFigures('push10k_pglite_s', ingest.push10k_pglite_s, 2),
      spreadFigures('push10k_pg_s', ingest.push10k_pg_s, 2),
      spreadFigures('ingest_pg_ops_per_s', ingest.ingest_pg_ops_per_s, 0),
      spreadFigures('floor_pg_rows_per_s', ingest.floor_pg_rows_per_s, 0),
      spreadFigures('ingest_ratio_to_insert', ingest.ingest_ratio_to_insert, 3),
      { ingest_present: { lots: plant.lots, serials: plant.serials }, plant_built_s: ingest.plant.built_s, ingest_measured_at: new Date().toISOString() },
    );
  }
  if (initial) Object.assign(figures, spreadFigures('initial_sync_s', initial.seconds, 1), spreadFigures('initial_floor_fetch_s', initial.floor, 1), spreadFigures('reopen_s', initial.reopen, 2), spreadFigures('initial_floor_records_s', initial.recordFloor, 1), spreadFigures('initial_sync_to_floor', initial.ratio, 2), { initial_sync_documents: { lots: initial.lots, balances: initial.balances }, initial_measured_at: new Date().toISOString() });
  if (two) {
    Object.assign(
      figures,
      spreadFigures('two_instance_ops_per_s', two.two_instance_ops_per_s, 0),
      spreadFigures('one_instance_ops_per_s', two.one_instance_ops_per_s, 0),
      spreadFigures('two_to_one_ratio', two.ratio, 3),
      { two_instance_work: { devices: two.devices, ops_per_run: two.ops_per_run, labels_per_run: two.labels_per_run }, two_measured_at: new Date().toISOString() },
    );
  }
  const file = only.size < PARTS.length ? mergeResults('sync', figures) : writeResults('sync', figures);
  console.log(`\nwrote ${file}`);
}
