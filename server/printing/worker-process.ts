/**
 * A spool worker in a process of its own, for tests that freeze it (SIGSTOP) or kill it
 * (SIGKILL) as an operating system would. Run through bin/run-ts.mjs with:
 *   LOTLINE_WORKER_MODE  spool        run the whole spool until killed
 *                        hold-before  lease one job, say `leased <id>`, wait for `go` on stdin, then send it
 *                        hold-after   lease and send one job, say `sent <id>`, wait for `go`, then record it
 *   DATABASE_URL, LOTLINE_WORKER_SCHEMA, LOTLINE_WORKER_ID, LOTLINE_WORKER_LEASE (seconds),
 *   LOTLINE_WORKER_PRINTER (printer id, for the hold modes).
 * Each line it writes on stdout is one event; the hold modes end with `done <status>`.
 */
import { createInterface } from 'node:readline';
import { openPostgres } from '../db';
import { getPrinter } from './printers';
import { leaseJob } from './queue';
import { recordSent, sendLeased, spoolSettings, startSpool } from './worker';

const env = process.env;
const mode = env.LOTLINE_WORKER_MODE;
const db = await openPostgres({ connectionString: env.DATABASE_URL!, schema: env.LOTLINE_WORKER_SCHEMA!, max: 2 });
const settings = spoolSettings({ workerId: env.LOTLINE_WORKER_ID!, leaseSeconds: Number(env.LOTLINE_WORKER_LEASE ?? 60), answerTimeoutMs: 60_000, idleMs: 50, notReadyPollMs: 100 });
const say = (line: string) => process.stdout.write(`${line}\n`);
const lines = createInterface({ input: process.stdin });
const go = () => new Promise<void>((resolve) => lines.once('line', () => resolve()));

if (mode === 'spool') {
  await startSpool(db, settings);
  say('running');
} else if (mode === 'hold-before' || mode === 'hold-after') {
  const printer = await getPrinter(db, env.LOTLINE_WORKER_PRINTER!);
  const job = await leaseJob(db, printer.id, settings.workerId, settings.leaseSeconds);
  if (!job) throw new Error('nothing to lease');
  if (mode === 'hold-before') {
    say(`leased ${job.id}`);
    await go();
  }
  const sent = await sendLeased(db, printer, job, settings);
  if (mode === 'hold-after') {
    say(`sent ${job.id} ${sent.kind === 'attempt' ? sent.result.status : sent.kind}`);
    await go();
  }
  const status = sent.kind === 'lease_lost' ? 'lease_lost' : await recordSent(db, job, sent, 0, settings.leaseSeconds);
  say(`done ${status}`);
  await db.close();
  process.exit(0);
} else {
  throw new Error(`LOTLINE_WORKER_MODE '${mode ?? ''}' is not spool, hold-before or hold-after`);
}
