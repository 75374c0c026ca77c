import { hostname } from 'node:os';
import { judgeReadBack, type TagVerdict } from '../../domain/labels';
import { deliverZpl, queryHostStatus, standingAfterSend, standingWhileHeld, type HostStatus } from '../../printers/transport';
import type { Db } from '../db';
import { PRINT_CHANNEL } from './job-status';
import { listPrinters, recordPrinterState, stateOf, type Printer, type PrinterState } from './printers';
import { finishJob, holdLease, leaseJob, recoverExpiredLeases, type AttemptResult, type LeasedJob } from './queue';
import { settleTag } from './rfid-tags';

export interface SpoolOptions {
  /** Names this process in leases and attempts. */
  workerId?: string;
  leaseSeconds?: number;
  /** How long an idle worker waits for a wake-up before looking again. */
  idleMs?: number;
  /** Check ~HS before the next job when the last check is older than this. */
  statusEveryMs?: number;
  /** How often a printer that is not ready (paper out, open, paused) is asked again: it resumes this soon after it is ready. */
  notReadyPollMs?: number;
  /** How often a label the printer holds is asked after while the printer is ready (printing it). */
  heldPollMs?: number;
  /** A ready printer that still holds a label after this long has not printed it: the label is in doubt. */
  heldTimeoutMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  connectTimeoutMs?: number;
  /** How long the printer has to answer the ~HS sent behind a label. */
  answerTimeoutMs?: number;
  statusTimeoutMs?: number;
  onError?: (error: unknown) => void;
}

export type SpoolSettings = Required<Omit<SpoolOptions, 'onError'>> & Pick<SpoolOptions, 'onError'>;

export function spoolSettings(options: SpoolOptions = {}): SpoolSettings {
  return {
    workerId: options.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`,
    leaseSeconds: options.leaseSeconds ?? 60,
    idleMs: options.idleMs ?? 1000,
    statusEveryMs: options.statusEveryMs ?? 2000,
    notReadyPollMs: options.notReadyPollMs ?? 1000,
    heldPollMs: options.heldPollMs ?? 100,
    heldTimeoutMs: options.heldTimeoutMs ?? 120_000,
    backoffBaseMs: options.backoffBaseMs ?? 500,
    backoffMaxMs: options.backoffMaxMs ?? 5000,
    connectTimeoutMs: options.connectTimeoutMs ?? 3000,
    answerTimeoutMs: options.answerTimeoutMs ?? 10_000,
    statusTimeoutMs: options.statusTimeoutMs ?? 3000,
    onError: options.onError,
  };
}

/**
 * One label on its way: what the printer said (or did not) once the lease was checked and the
 * label sent; `tag`: an RFID label came out and its tag read back as `verdict`.
 */
export type Sent =
  | { kind: 'lease_lost' }
  | { kind: 'attempt'; result: AttemptResult; status: HostStatus | Error | null }
  | { kind: 'tag'; verdict: TagVerdict; bytesWritten: number; status: HostStatus };

/**
 * Sends one leased job, fenced: the lease is renewed (or found gone) right before connecting, and
 * the label goes with an in-band ~HS whose answer decides whether it printed, waits in the
 * printer, or is in doubt. Nothing here writes the job; `recordAttempt` does.
 */
export async function sendLeased(db: Db, printer: Pick<Printer, 'host' | 'port' | 'rfidPolicy'>, job: LeasedJob, settings: SpoolSettings): Promise<Sent> {
  // A lease taken a moment ago cannot have run out: the database is asked again only when time
  // has passed since (a stall, a stopped process), which the monotonic clock shows.
  const fresh = performance.now() - job.leasedAt < Math.min(1000, (settings.leaseSeconds * 1000) / 4);
  if (!fresh && !(await holdLease(db, job, settings.leaseSeconds))) return { kind: 'lease_lost' };
  const rfid = job.rfidEpc !== null;
  // An RFID label's read-back comes when it has printed, so its wait is the printer's to set.
  const answerTimeoutMs = rfid ? (printer.rfidPolicy.readBackTimeoutMs ?? settings.answerTimeoutMs) : settings.answerTimeoutMs;
  const delivery = await deliverZpl({ host: printer.host, port: printer.port, data: job.zpl, connectTimeoutMs: settings.connectTimeoutMs, answerTimeoutMs, readBack: rfid });
  // A cut connection leaves an RFID label's tag unread like a silent printer does: its job turns
  // uncertain, and the database holds its serial (rfid_uncertain_labels) until a person reads the tag.
  if (delivery.outcome === 'uncertain') return { kind: 'attempt', result: { outcome: 'uncertain', status: 'uncertain', bytesWritten: delivery.bytesWritten, error: delivery.error }, status: null };
  if (delivery.outcome !== 'answered') {
    return { kind: 'attempt', result: { outcome: delivery.outcome, status: 'queued', bytesWritten: 0, error: delivery.error }, status: new Error(delivery.error) };
  }
  if (job.rfidEpc !== null) {
    // The printer sends the read-back once the label is out, so it settles the label whatever ~HS said a moment before.
    if (typeof delivery.readBack === 'string') return { kind: 'tag', verdict: judgeReadBack(job.rfidEpc, delivery.readBack), bytesWritten: delivery.bytesWritten, status: delivery.status };
    // Without it nobody knows whether a tag carries the serial: the label is in doubt, never taken as encoded.
    const reason = `the printer sent no RFID read-back within ${answerTimeoutMs} ms: the tag is unchecked and its serial held until someone reads it`;
    return { kind: 'attempt', result: { outcome: 'uncertain', status: 'uncertain', bytesWritten: delivery.bytesWritten, error: reason }, status: delivery.status };
  }
  const standing = standingAfterSend(delivery.status);
  const result: AttemptResult =
    standing.standing === 'printed'
      ? { outcome: 'printed', status: 'printed', bytesWritten: delivery.bytesWritten }
      : standing.standing === 'in_printer'
        ? { outcome: 'in_printer', status: 'in_printer', bytesWritten: delivery.bytesWritten, error: standing.reason }
        : { outcome: 'uncertain', status: 'uncertain', bytesWritten: delivery.bytesWritten, error: standing.reason };
  return { kind: 'attempt', result, status: delivery.status };
}

/** Writes what came of a sent label: the attempt and the job's next state, or the tag and its serial's fate. */
export async function recordSent(db: Db, job: LeasedJob, sent: Exclude<Sent, { kind: 'lease_lost' }>, retryAfterSeconds: number, leaseSeconds: number) {
  if (sent.kind === 'tag') return (await settleTag(db, job, sent.verdict, sent.bytesWritten)).job;
  return finishJob(db, job, sent.result, retryAfterSeconds, leaseSeconds);
}

const sleep = (ms: number, signal: { wake?: () => void }) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });

/**
 * One printer's worker: one label at a time, each confirmed by the printer before the next goes.
 * A label the printer holds (paused, out of paper, still printing) stays `in_printer` under this
 * worker's lease until the printer's buffer empties while it is ready; a printer that stops
 * answering or drops the label meanwhile leaves it uncertain. A printer that is not ready keeps
 * its jobs queued and is asked again every `notReadyPollMs`.
 */
class PrinterWorker {
  private running = true;
  private waiter: { wake?: () => void } = {};
  private failures = 0;
  private lastCheck = 0;
  private lastState: PrinterState | null = null;
  private lastRecorded = 0;
  private held: { job: LeasedJob; since: number } | null = null;
  readonly done: Promise<void>;

  constructor(
    private readonly db: Db,
    public printer: Printer,
    private readonly settings: SpoolSettings,
  ) {
    this.done = this.loop();
  }

  wake(): void {
    this.waiter.wake?.();
  }

  stop(): Promise<void> {
    this.running = false;
    this.wake();
    return this.done;
  }

  private backoffMs(): number {
    return Math.min(this.settings.backoffMaxMs, this.settings.backoffBaseMs * 2 ** Math.min(this.failures, 10));
  }

  private async observe(status: HostStatus | Error): Promise<PrinterState> {
    const { state, detail } = stateOf(status);
    // Write the state when it changes, and now and then while it lasts, so the console's "since" holds.
    if (state !== this.lastState || Date.now() - this.lastRecorded > 10_000) {
      await recordPrinterState(this.db, this.printer.id, state, detail);
      this.lastRecorded = Date.now();
    }
    this.lastState = state;
    this.lastCheck = Date.now();
    return state;
  }

  private async askPrinter(): Promise<HostStatus | Error> {
    const { host, port } = this.printer;
    return queryHostStatus({ host, port, timeoutMs: this.settings.statusTimeoutMs }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  }

  /** Follows the label the printer holds until it prints or is lost; the lease is renewed meanwhile. */
  private async followHeld(held: { job: LeasedJob; since: number }): Promise<void> {
    const status = await this.askPrinter();
    const state = await this.observe(status);
    let standing = standingWhileHeld(status);
    if (standing.standing === 'in_printer' && state === 'ready' && Date.now() - held.since > this.settings.heldTimeoutMs) {
      standing = { standing: 'lost', reason: `the printer was ready but still held the label after ${Math.round(this.settings.heldTimeoutMs / 1000)} s` };
    }
    if (standing.standing === 'in_printer') {
      if (!(await holdLease(this.db, held.job, this.settings.leaseSeconds))) this.held = null;
      else await sleep(state === 'ready' ? this.settings.heldPollMs : this.settings.notReadyPollMs, this.waiter);
      return;
    }
    this.held = null;
    const result: AttemptResult =
      standing.standing === 'printed' ? { outcome: 'printed', status: 'printed', bytesWritten: 0 } : { outcome: 'uncertain', status: 'uncertain', bytesWritten: 0, error: standing.reason };
    await finishJob(this.db, held.job, result, 0, this.settings.leaseSeconds);
  }

  private async loop(): Promise<void> {
    while (this.running) {
      try {
        if (this.held) {
          await this.followHeld(this.held);
          continue;
        }
        if (this.lastState !== 'ready' || Date.now() - this.lastCheck > this.settings.statusEveryMs) {
          const state = await this.observe(await this.askPrinter());
          if (state !== 'ready') {
            // Offline backs off; a printer that answers but is not ready is asked again soon, so it resumes within seconds.
            this.failures++;
            await sleep(state === 'offline' ? this.backoffMs() : this.settings.notReadyPollMs, this.waiter);
            continue;
          }
        }
        const job = await leaseJob(this.db, this.printer.id, this.settings.workerId, this.settings.leaseSeconds);
        if (!job) {
          await sleep(this.settings.idleMs, this.waiter);
          continue;
        }
        const sent = await sendLeased(this.db, this.printer, job, this.settings);
        if (sent.kind === 'lease_lost') continue;
        const next = sent.kind === 'tag' ? 'printed' : sent.result.status;
        const retryAfter = next === 'queued' ? this.backoffMs() / 1000 : 0;
        const status = await recordSent(this.db, job, sent, retryAfter, this.settings.leaseSeconds);
        if (sent.status) await this.observe(sent.status);
        else this.lastState = null;
        if (status === 'in_printer') this.held = { job, since: Date.now() };
        if (next === 'printed' || next === 'in_printer') this.failures = 0;
        else this.failures++;
      } catch (error) {
        this.settings.onError?.(error);
        if (this.running) await sleep(this.backoffMs(), this.waiter);
      }
    }
  }
}

export interface Spool {
  workers(): number;
  /** Wakes the workers now (jobs were queued). */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * Runs a worker for every active printer in the registry, follows changes to the registry, wakes
 * on new jobs (NOTIFY, across instances), and turns jobs whose worker died mid-send into
 * uncertain ones. Several instances may run it on one database: jobs are leased, never shared.
 */
export async function startSpool(db: Db, options: SpoolOptions = {}): Promise<Spool> {
  const settings = spoolSettings(options);
  const workers = new Map<string, PrinterWorker>();
  let stopped = false;

  const sync = async () => {
    const printers = await listPrinters(db, true);
    const seen = new Set(printers.map((p) => p.id));
    for (const p of printers) {
      const worker = workers.get(p.id);
      if (!worker) workers.set(p.id, new PrinterWorker(db, p, settings));
      // The address and the RFID policy apply from the next label on.
      else worker.printer = p;
    }
    for (const [id, worker] of workers) {
      if (!seen.has(id)) {
        workers.delete(id);
        await worker.stop();
      }
    }
  };

  await recoverExpiredLeases(db);
  await sync();
  const unlisten = await db.listen(PRINT_CHANNEL, (printerId) => {
    const worker = workers.get(printerId);
    if (worker) worker.wake();
    else for (const w of workers.values()) w.wake();
  });
  const housekeeping = setInterval(() => {
    if (stopped) return;
    Promise.all([sync(), recoverExpiredLeases(db)]).catch((e: unknown) => settings.onError?.(e));
  }, Math.min(5000, settings.leaseSeconds * 1000));
  housekeeping.unref();

  return {
    workers: () => workers.size,
    wake: () => {
      for (const w of workers.values()) w.wake();
    },
    async stop() {
      stopped = true;
      clearInterval(housekeeping);
      await unlisten();
      await Promise.all([...workers.values()].map((w) => w.stop()));
      workers.clear();
    },
  };
}
