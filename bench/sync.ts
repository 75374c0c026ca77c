import { measureInitialSync, measureScanLatency } from './sync-browser';
import { measureIngest } from './sync-ingest';
import { printTable, writeResults } from './report';

/**
 * `npm run bench -- sync`: op ingest on the server (PGlite and PostgreSQL, one device and 20 at
 * once, against plain INSERTs), scan-to-saved on the Receive screen in throttled Chromium, and
 * the first full sync of a device.
 */
export async function run(args: string[]): Promise<void> {
  const pgUrl = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
  const log = (line: string) => console.log(line);
  const ingest = await measureIngest(pgUrl, log);
  log('scan-to-saved: 200 carton scans on the Receive screen, CPU throttled 4x...');
  const scan = await measureScanLatency(200, 4);
  const lots = Number(args.find((a) => a.startsWith('--lots='))?.slice(7) ?? 50_000);
  log(`initial sync: ${lots.toLocaleString('en-US')} lots and ${(lots * 2).toLocaleString('en-US')} balances into IndexedDB...`);
  const initial = await measureInitialSync(lots, 2);

  const fmt = (n: number | null, digits = 2) => (n === null ? 'n/a (no PostgreSQL)' : n.toFixed(digits));
  printTable('Sync', ['measure', 'value', 'target'], [
    ['scan-to-saved p50 (ms, 4x throttle)', scan.p50.toFixed(1), ''],
    ['scan-to-saved p95 (ms, 4x throttle)', scan.p95.toFixed(1), '<= 50'],
    ['push 10,000 ops, one device, PGlite (s)', ingest.push10k_pglite_s.toFixed(2), ''],
    ['push 10,000 ops, one device, PostgreSQL (s)', fmt(ingest.push10k_pg_s), ''],
    ['20 devices at once, PostgreSQL (ops/s)', fmt(ingest.ingest_pg_ops_per_s, 0), '>= 2,000'],
    ['plain multi-row INSERT of the same rows (rows/s)', fmt(ingest.floor_pg_rows_per_s, 0), 'floor'],
    ['ingest / INSERT floor', fmt(ingest.ingest_ratio_to_insert, 3), ''],
    [`initial sync ${initial.lots} lots + ${initial.balances} balances (s)`, initial.seconds.toFixed(1), '<= 30'],
  ]);
  const file = writeResults('sync', {
    scan_p50_ms: Number(scan.p50.toFixed(1)),
    scan_p95_ms: Number(scan.p95.toFixed(1)),
    push10k_pglite_s: Number(ingest.push10k_pglite_s.toFixed(2)),
    push10k_pg_s: ingest.push10k_pg_s === null ? null : Number(ingest.push10k_pg_s.toFixed(2)),
    ingest_pg_ops_per_s: ingest.ingest_pg_ops_per_s === null ? null : Math.round(ingest.ingest_pg_ops_per_s),
    ingest_ratio_to_insert: ingest.ingest_ratio_to_insert === null ? null : Number(ingest.ingest_ratio_to_insert.toFixed(3)),
    initial_sync_s: Number(initial.seconds.toFixed(1)),
    initial_sync_documents: { lots: initial.lots, balances: initial.balances },
  });
  console.log(`\nwrote ${file}`);
}
