import { Worker } from 'node:worker_threads';
import type { RelayOptions } from './relay';

/**
 * On PostgreSQL the relay runs on a worker thread of its own. Sharing the event loop with twenty
 * handhelds' pushes, each of its steps (read a batch, publish, record the position) waited
 * behind request handling, and the commit-to-publish lag grew with the ingest. The embedded
 * PGlite has one connection in this process, so there the relay stays on the main thread.
 */
export type RelayThreadOptions = Pick<RelayOptions, 'nats' | 'webhooks' | 'owner' | 'leaseSeconds' | 'idleMs' | 'natsBatch'>;

export interface RelayThreadData {
  databaseUrl: string;
  options: RelayThreadOptions;
}

export type RelayThreadMessage = { kind: 'started' } | { kind: 'stopped' } | { kind: 'error'; message: string } | { kind: 'failed'; message: string };

export interface RelayThread {
  stop(): Promise<void>;
}

const ENTRY = new URL('./relay-thread-entry.mjs', import.meta.url);
const RESTART_MS = [1_000, 5_000, 30_000];

/**
 * Starts the relay thread and resolves once it runs. A thread that dies later (out of memory, a
 * bug) is reported and started again, sooner the first times: events wait in the outbox while it
 * is away and none is lost, since every sink's position moves only after delivery.
 */
export async function startRelayThread(databaseUrl: string, options: RelayThreadOptions, onError: (error: unknown) => void): Promise<RelayThread> {
  let worker: Worker | undefined;
  let stopping = false;
  let restarts = 0;
  let restartTimer: NodeJS.Timeout | undefined;

  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const w = new Worker(ENTRY, { workerData: { databaseUrl, options } satisfies RelayThreadData, name: 'lotline event relay' });
      worker = w;
      let started = false;
      w.on('message', (message: RelayThreadMessage) => {
        if (message.kind === 'started') {
          started = true;
          resolve();
        } else if (message.kind === 'failed') reject(new Error(`event relay thread could not start: ${message.message}`));
        else if (message.kind === 'error') onError(new Error(message.message));
      });
      w.on('error', (error) => (started ? onError(error) : reject(error)));
      w.on('exit', (code) => {
        if (!started) return reject(new Error(`event relay thread exited with code ${code} before it started`));
        if (stopping || worker !== w) return;
        onError(new Error(`event relay thread exited with code ${code}; starting it again`));
        restartLater();
      });
    });
  const restartLater = () => {
    const delay = RESTART_MS[Math.min(restarts++, RESTART_MS.length - 1)]!;
    restartTimer = setTimeout(() => {
      if (stopping) return;
      launch().catch((error: unknown) => {
        onError(error);
        restartLater();
      });
    }, delay);
    restartTimer.unref();
  };

  await launch();
  return {
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      const w = worker;
      // threadId is -1 once a worker has exited.
      if (!w || w.threadId === -1) return;
      await new Promise<void>((resolve) => {
        w.once('exit', () => resolve());
        w.on('message', (message: RelayThreadMessage) => {
          if (message.kind === 'stopped') void w.terminate();
        });
        w.postMessage('stop');
      });
    },
  };
}
