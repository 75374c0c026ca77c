import { compileTemplate } from '../domain/labels';
import { createPrinterEmulator, type PrinterEmulator } from '../printers/emulator';
import { loadTemplate } from '../printers/templates';
import { sendZpl } from '../printers/transport';
import { migrate, type Db } from '../server/db';
import { addPrinter } from '../server/printing/printers';
import { printLot } from '../server/printing/spool';
import { approvedStarter, serializedLot } from '../server/printing/test-support';
import { startSpool } from '../server/printing/worker';
import { loadDemoData } from '../server/seed/demo';
import { onBenchPglite, onBenchPostgres } from './databases';
import { printTable, writeResults } from './report';

/**
 * Serialized labels through the whole spool — database rows, leases, ~HS checks, raw TCP to ten
 * emulated printers, attempts recorded — against the floor: the same ZPL sent straight over TCP
 * to the same printers with the same concurrency, in the same run.
 */

const SCHEMA = 'lotline_bench_labels';
const PRINTERS = 10;
const ACTOR = { id: null, name: 'labels bench' };

async function zplGeneration(count: number): Promise<{ usPerLabel: number; bytesPerLabel: number; zpl: string[] }> {
  const maker = compileTemplate(await loadTemplate('lot-gs1'));
  const base = { gtin: '06901234000054', lot: 'C2611A', expiry: '2029-05-31', mfgDate: '2026-11-23', itemName: '一次性使用中心静脉导管 7Fr' };
  for (let i = 0; i < 2000; i++) maker({ ...base, serial: `26${String(i).padStart(9, '0')}` }); // warm up
  const zpl: string[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const made = maker({ ...base, serial: `26${String(i + 1).padStart(9, '0')}` });
    if (!made.ok) throw new Error(made.error.message);
    zpl.push(made.zpl);
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1000;
  return { usPerLabel: elapsed / count, bytesPerLabel: zpl.reduce((n, z) => n + Buffer.byteLength(z, 'latin1'), 0) / count, zpl };
}

/** The floor: each printer gets its share of labels, one connection per label, printers in parallel. */
async function rawFloor(printers: PrinterEmulator[], zpl: string[]): Promise<number> {
  const start = performance.now();
  await Promise.all(
    printers.map(async (p, i) => {
      for (let n = i; n < zpl.length; n += printers.length) {
        const sent = await sendZpl({ host: p.host, port: p.port, data: zpl[n]! });
        if (sent.outcome !== 'sent') throw new Error(`raw send: ${sent.outcome}`);
      }
    }),
  );
  return (performance.now() - start) / 1000;
}

async function throughSpool(db: Db, printers: PrinterEmulator[], total: number): Promise<number> {
  await loadDemoData(db, { password: 'bench-demo-pw' });
  await approvedStarter(db, 'lot-gs1');
  const lots: string[] = [];
  for (let i = 0; i < printers.length; i++) {
    await addPrinter(db, ACTOR, { name: `Bench ${i}`, host: printers[i]!.host, port: printers[i]!.port, dpi: 203 }, { allowLocal: true });
    lots.push(await serializedLot(db, `BENCH-${i}`));
  }
  for (let i = 0; i < printers.length; i++) await printLot(db, ACTOR, { lotId: lots[i]!, templateName: 'lot-gs1', printer: `Bench ${i}`, quantity: total / printers.length });
  for (const p of printers) p.clear();
  const start = performance.now();
  const spool = await startSpool(db, { workerId: 'bench', idleMs: 20, statusEveryMs: 2000 });
  try {
    for (;;) {
      const left = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM print_jobs WHERE status IN ('queued','printing')`);
      if (left.rows[0]!.n === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await spool.stop();
  }
  const seconds = (performance.now() - start) / 1000;
  const printed = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM print_jobs WHERE status = 'printed'`)).rows[0]!.n;
  const atPrinters = printers.reduce((n, p) => n + p.formats().length, 0);
  if (printed !== total || atPrinters !== total) throw new Error(`spool: ${printed} printed, ${atPrinters} at the printers, expected ${total}`);
  return seconds;
}

async function migratedSpool(db: Db, printers: PrinterEmulator[], total: number): Promise<number> {
  await migrate(db);
  return throughSpool(db, printers, total);
}

const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;

export async function run(args: string[]): Promise<void> {
  const countArg = args.indexOf('--labels');
  const total = countArg === -1 ? 10_000 : Number(args[countArg + 1]);
  if (!Number.isInteger(total) || total < PRINTERS || total % PRINTERS !== 0) throw new Error(`--labels must be a multiple of ${PRINTERS}`);
  const printers = await Promise.all(Array.from({ length: PRINTERS }, () => createPrinterEmulator({ port: 0, maxFormats: total })));
  try {
    const generation = await zplGeneration(total);
    const rawSeconds = await rawFloor(printers, generation.zpl);
    for (const p of printers) p.clear();
    const pgSeconds = await onBenchPostgres(SCHEMA, (db) => migratedSpool(db, printers, total));
    for (const p of printers) p.clear();
    const liteSeconds = await onBenchPglite((db) => migratedSpool(db, printers, total));
    const rawRate = total / rawSeconds;
    const pgRate = total / pgSeconds;
    const liteRate = total / liteSeconds;
    const overhead = (pgSeconds - rawSeconds) * 1000 / total;
    printTable(`Labels: ${total.toLocaleString('en-US')} serialized lot-gs1 labels over ${PRINTERS} emulated printers`, ['', 'labels/s', 'ms per label (wall)', 'overhead vs raw (ms/label)'], [
      ['raw TCP, pre-rendered ZPL (floor)', round(rawRate, 0), round(1000 / rawRate), '—'],
      ['spool on PostgreSQL', round(pgRate, 0), round(1000 / pgRate), round(overhead)],
      ['spool on PGlite', round(liteRate, 0), round(1000 / liteRate), round((liteSeconds - rawSeconds) * 1000 / total)],
    ]);
    console.log(`\nZPL generation: ${round(generation.usPerLabel, 1)} us per label, ${Math.round(generation.bytesPerLabel)} bytes per label`);
    const file = writeResults('labels', {
      zpl_us_per_label: round(generation.usPerLabel, 1),
      spool_labels_per_s: round(pgRate, 0),
      raw_labels_per_s: round(rawRate, 0),
      overhead_ms_per_label: round(overhead),
      bytes_per_label: Math.round(generation.bytesPerLabel),
      spool_labels_per_s_pglite: round(liteRate, 0),
      labels: total,
      printers: PRINTERS,
    });
    console.log(`figures written to ${file}`);
  } finally {
    await Promise.all(printers.map((p) => p.close()));
  }
}
