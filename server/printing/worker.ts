import { hostname } from 'node:os';
import { queryHostStatus, sendZpl, type HostStatus } from '../../printers/transport';
import type { Db } from '../db';
import { listPrinters, recordPrinterState, stateOf, type Printer, type PrinterState } from './printers';
import { PRINT_CHANNEL, finishJob, leaseJob, recoverExpiredLeases } from './spool';

export interface SpoolOptions {
  /** Names this process in leases and attempts. */
  workerId?: string;
  leaseSeconds?: number;
  /** How long an idle worker waits for a wake-up before looking again. */
  idleMs?: number;
  /** Check ~HS before the next job when the last check is older than this, or after this many jobs. */
  statusEveryMs?: number;
  statusEveryJobs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  connectTimeoutMs?: number;
  writeTimeoutMs?: number;
  statusTimeoutMs?: number;
  onError?: (error: unknown) => void;
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
 * One printer's worker: asks the printer how it is (~HS) before sending, leases jobs one at a
 * time, sends each over raw TCP with timeouts and records the outcome. A printer that is
 * offline, out of paper or open waits with a growing backoff; its jobs stay queued.
 */
class PrinterWorker {
  private running = true;
  private waiter: { wake?: () => void } = {};
  private failures = 0;
  private lastCheck = 0;
  private sinceCheck = 0;
  private lastState: PrinterState | null = null;
  readonly done: Promise<void>;

  constructor(
    private readonly db: Db,
    public printer: Printer,
    private readonly options: Required<Omit<SpoolOptions, 'onError'>> & Pick<SpoolOptions, 'onError'>,
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
    return Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** Math.min(this.failures, 10));
  }

  private async checkPrinter(): Promise<boolean> {
    const { host, port } = this.printer;
    const status: HostStatus | Error = await queryHostStatus({ host, port, timeoutMs: this.options.statusTimeoutMs }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    const { state, detail } = stateOf(status);
    // Write the state when it changes, and now and then while it lasts, so the console's "since" holds.
    if (state !== this.lastState || Date.now() - this.lastCheck > 10_000) await recordPrinterState(this.db, this.printer.id, state, detail);
    this.lastState = state;
    this.lastCheck = Date.now();
    this.sinceCheck = 0;
    return state === 'ready';
  }

  private async loop(): Promise<void> {
    while (this.running) {
      try {
        const due = Date.now() - this.lastCheck > this.options.statusEveryMs || this.sinceCheck >= this.options.statusEveryJobs;
        if (due || this.lastState !== 'ready') {
          if (!(await this.checkPrinter())) {
            this.failures++;
            await sleep(this.backoffMs(), this.waiter);
            continue;
          }
        }
        const job = await leaseJob(this.db, this.printer.id, this.options.workerId, this.options.leaseSeconds);
        if (!job) {
          await sleep(this.options.idleMs, this.waiter);
          continue;
        }
        this.sinceCheck++;
        const result = await sendZpl({ host: this.printer.host, port: this.printer.port, data: job.zpl, connectTimeoutMs: this.options.connectTimeoutMs, writeTimeoutMs: this.options.writeTimeoutMs });
        const retryAfter = result.outcome === 'sent' || result.outcome === 'uncertain' ? 0 : this.backoffMs() / 1000;
        await finishJob(this.db, job, this.options.workerId, { outcome: result.outcome, bytesWritten: result.bytesWritten, error: 'error' in result ? result.error : null }, retryAfter);
        if (result.outcome === 'sent') this.failures = 0;
        else {
          // The printer went away between the status check and the send: look again before the next job.
          this.failures++;
          this.lastState = null;
        }
      } catch (error) {
        this.options.onError?.(error);
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
  const settings = {
    workerId: options.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`,
    leaseSeconds: options.leaseSeconds ?? 60,
    idleMs: options.idleMs ?? 1000,
    statusEveryMs: options.statusEveryMs ?? 2000,
    statusEveryJobs: options.statusEveryJobs ?? 50,
    backoffBaseMs: options.backoffBaseMs ?? 1000,
    backoffMaxMs: options.backoffMaxMs ?? 30_000,
    connectTimeoutMs: options.connectTimeoutMs ?? 3000,
    writeTimeoutMs: options.writeTimeoutMs ?? 10_000,
    statusTimeoutMs: options.statusTimeoutMs ?? 3000,
    onError: options.onError,
  };
  const workers = new Map<string, PrinterWorker>();
  let stopped = false;

  const sync = async () => {
    const printers = await listPrinters(db, true);
    const seen = new Set(printers.map((p) => p.id));
    for (const p of printers) {
      const worker = workers.get(p.id);
      if (!worker) workers.set(p.id, new PrinterWorker(db, p, settings));
      else if (worker.printer.host !== p.host || worker.printer.port !== p.port) worker.printer = p;
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
  }, 5000);
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
