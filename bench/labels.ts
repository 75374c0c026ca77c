import { compileTemplate } from '../domain/labels';
import { createPrinterEmulator, type PrinterEmulator } from '../printers/emulator';
import { loadTemplate } from '../printers/templates';
import { deliverZpl, sendZpl } from '../printers/transport';
import { migrate, type Db } from '../server/db';
import { addPrinter } from '../server/printing/printers';
import { printLot } from '../server/printing/spool';
import { approvedStarter, serializedLot } from '../server/printing/test-support';
import { startSpool } from '../server/printing/worker';
import { loadDemoData } from '../server/seed/demo';
import { onBenchPglite, onBenchPostgres } from './databases';
import { option, printTable, repeat, runsOption, spreadCell, spreadFigures, writeResults, type Spread } from './report';

/**
 * Serialized labels through the whole spool — enqueueing (serials, ZPL, rows), leases, a send
 * with an in-band ~HS confirmation per label, attempts recorded — to ten emulated printers,
 * against two floors on the same printers in the same run: the same ZPL sent bare over TCP, and
 * sent with the ~HS confirmation but no database. Each printer's worker sends one label at a
 * time, so the per-job figures are one printer's time per label, not wall time over ten.
 */

const SCHEMA = 'lotline_bench_labels';
const PRINTERS = 10;
const ACTOR = { id: null, name: 'labels bench' };

async function zplGeneration(count: number): Promise<{ usPerLabel: number; bytesPerLabel: number; zpl: string[] }> {
  const maker = compileTemplate(await loadTemplate('lot-gs1'));
  const base = {
    gtin: '06901234000054',
    lot: 'C2611A',
    expiry: '2029-05-31',
    mfgDate: '2026-11-23',
    itemName: '一次性使用中心静脉导管 7Fr',
  };
  for (let i = 0; i < 2000; i++) maker({ ...base, serial: `26${String(i).padStart(9, '0')}` }); // warm up
  const zpl: string[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const made = maker({
      ...base,
      serial: `26${String(i + 1).padStart(9, '0')}`,
    });
    if (!made.ok) throw new Error(made.error.message);
    zpl.push(made.zpl);
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1000;
  return {
    usPerLabel: elapsed / count,
    bytesPerLabel: zpl.reduce((n, z) => n + Buffer.byteLength(z, 'latin1'), 0) / count,
    zpl,
  };
}

/** A floor: each printer gets its share, one connection per label, printers in parallel. Returns seconds. */
async function rawFloor(printers: PrinterEmulator[], zpl: string[], confirmed: boolean): Promise<number> {
  const start = performance.now();
  await Promise.all(
    printers.map(async (p, i) => {
      for (let n = i; n < zpl.length; n += printers.length) {
        const data = zpl[n]!;
        const outcome = confirmed ? (await deliverZpl({ host: p.host, port: p.port, data })).outcome : (await sendZpl({ host: p.host, port: p.port, data })).outcome;
        if (outcome !== (confirmed ? 'answered' : 'sent')) throw new Error(`raw send: ${outcome}`);
      }
    }),
  );
  return (performance.now() - start) / 1000;
}

/** Registers the printers and the template once per database. */
async function prepare(db: Db, printers: PrinterEmulator[]): Promise<void> {
  await migrate(db);
  await loadDemoData(db, { password: 'bench-demo-pw' });
  await approvedStarter(db, 'lot-gs1');
  for (let i = 0; i < printers.length; i++)
    await addPrinter(
      db,
      ACTOR,
      {
        name: `Bench ${i}`,
        host: printers[i]!.host,
        port: printers[i]!.port,
        dpi: 203,
      },
      { allowLocal: true },
    );
}

/** One run: enqueue `total` serialized labels (a request per printer), then spool them all. Returns seconds for each. */
async function spoolRun(db: Db, printers: PrinterEmulator[], total: number, run: number): Promise<{ enqueueSeconds: number; spoolSeconds: number }> {
  const lots: string[] = [];
  for (let i = 0; i < printers.length; i++) lots.push(await serializedLot(db, `BENCH-${run}-${i}`));
  const enqueueStart = performance.now();
  for (let i = 0; i < printers.length; i++)
    await printLot(db, ACTOR, {
      lotId: lots[i]!,
      templateName: 'lot-gs1',
      printer: `Bench ${i}`,
      quantity: total / printers.length,
    });
  const enqueueSeconds = (performance.now() - enqueueStart) / 1000;
  for (const p of printers) p.clear();
  const start = performance.now();
  const spool = await startSpool(db, {
    workerId: 'bench',
    idleMs: 20,
    statusEveryMs: 2000,
  });
  try {
    for (;;) {
      const left = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM print_jobs WHERE status IN ('queued','printing','in_printer')`);
      if (left.rows[0]!.n === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await spool.stop();
  }
  const spoolSeconds = (performance.now() - start) / 1000;
  const printed = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM print_jobs WHERE status = 'printed' AND lot_id = ANY($1::uuid[])`, [lots])).rows[0]!.n;
  const atPrinters = printers.reduce((n, p) => n + p.formats().length, 0);
  if (printed !== total || atPrinters !== total) throw new Error(`spool: ${printed} printed, ${atPrinters} at the printers, expected ${total}`);
  return { enqueueSeconds, spoolSeconds };
}

export async function run(args: string[]): Promise<void> {
  const total = Number(option(args, 'labels') ?? 10_000);
  const runs = runsOption(args);
  if (!Number.isInteger(total) || total < PRINTERS || total % PRINTERS !== 0) throw new Error(`--labels must be a multiple of ${PRINTERS}`);
  const perPrinter = total / PRINTERS;
  const printers = await Promise.all(Array.from({ length: PRINTERS }, () => createPrinterEmulator({ port: 0, maxFormats: total })));
  const log = (line: string) => console.log(line);
  try {
    const generation = await zplGeneration(total);
    // Both databases stay open across the runs; every run prints new lots on them.
    const figures = await onBenchPostgres(SCHEMA, (pg) =>
      onBenchPglite(async (lite) => {
        await Promise.all([prepare(pg, printers), prepare(lite, printers)]);
        const open = { pg, lite };
        return repeat(
          runs,
          async (n) => {
            for (const p of printers) p.clear();
            const raw = await rawFloor(printers, generation.zpl, false);
            for (const p of printers) p.clear();
            const confirmed = await rawFloor(printers, generation.zpl, true);
            // Alternate which database goes first, so neither always meets a warmer machine.
            const order = n % 2 === 0 ? (['pg', 'lite'] as const) : (['lite', 'pg'] as const);
            const results: Record<string, { enqueueSeconds: number; spoolSeconds: number }> = {};
            for (const side of order) results[side] = await spoolRun(open[side], printers, total, n);
            const perJob = (seconds: number) => (seconds * 1000) / perPrinter;
            return {
              raw_labels_per_s: total / raw,
              raw_ms_per_job: perJob(raw),
              confirm_ms_per_job: perJob(confirmed),
              spool_labels_per_s: total / results.pg!.spoolSeconds,
              spool_ms_per_job: perJob(results.pg!.spoolSeconds),
              overhead_ms_per_job: perJob(results.pg!.spoolSeconds) - perJob(raw),
              enqueue_labels_per_s: total / results.pg!.enqueueSeconds,
              spool_labels_per_s_pglite: total / results.lite!.spoolSeconds,
              overhead_ms_per_job_pglite: perJob(results.lite!.spoolSeconds) - perJob(raw),
              enqueue_labels_per_s_pglite: total / results.lite!.enqueueSeconds,
            };
          },
          log,
        );
      }),
    );
    const f = figures as Record<string, Spread>;
    printTable(
      `Labels: ${total.toLocaleString('en-US')} serialized lot-gs1 labels over ${PRINTERS} emulated printers, ${runs} runs, median (min–max)`,
      ['', 'labels/s', 'ms per job (one printer)', 'overhead vs raw (ms/job)', 'enqueue labels/s'],
      [
        ['raw TCP, bare send (floor)', spreadCell(f.raw_labels_per_s!, 0), spreadCell(f.raw_ms_per_job!, 3), '—', '—'],
        ['raw TCP, send + in-band ~HS', '—', spreadCell(f.confirm_ms_per_job!, 3), '—', '—'],
        ['spool on PostgreSQL', spreadCell(f.spool_labels_per_s!, 0), spreadCell(f.spool_ms_per_job!, 3), spreadCell(f.overhead_ms_per_job!, 3), spreadCell(f.enqueue_labels_per_s!, 0)],
        ['spool on PGlite', spreadCell(f.spool_labels_per_s_pglite!, 0), '—', spreadCell(f.overhead_ms_per_job_pglite!, 3), spreadCell(f.enqueue_labels_per_s_pglite!, 0)],
      ],
    );
    console.log(`\nZPL generation: ${generation.usPerLabel.toFixed(1)} us per label, ${Math.round(generation.bytesPerLabel)} bytes per label`);
    const file = writeResults('labels', {
      zpl_us_per_label: Math.round(generation.usPerLabel * 10) / 10,
      ...spreadFigures('spool_labels_per_s', f.spool_labels_per_s!, 0),
      ...spreadFigures('raw_labels_per_s', f.raw_labels_per_s!, 0),
      ...spreadFigures('raw_ms_per_job', f.raw_ms_per_job!),
      ...spreadFigures('confirm_ms_per_job', f.confirm_ms_per_job!),
      ...spreadFigures('spool_ms_per_job', f.spool_ms_per_job!),
      ...spreadFigures('overhead_ms_per_job', f.overhead_ms_per_job!),
      ...spreadFigures('enqueue_labels_per_s', f.enqueue_labels_per_s!, 0),
      bytes_per_label: Math.round(generation.bytesPerLabel),
      ...spreadFigures('spool_labels_per_s_pglite', f.spool_labels_per_s_pglite!, 0),
      ...spreadFigures('overhead_ms_per_job_pglite', f.overhead_ms_per_job_pglite!),
      ...spreadFigures('enqueue_labels_per_s_pglite', f.enqueue_labels_per_s_pglite!, 0),
      labels: total,
      printers: PRINTERS,
      runs,
    });
    console.log(`figures written to ${file}`);
  } finally {
    await Promise.all(printers.map((p) => p.close()));
  }
}
