import { Worker } from 'node:worker_threads';
import type { LabelSize } from '../../domain/labels';
import { DOTS_PER_MM, type Dpi } from './zpl-to-png';

export class RenderError extends Error {
  override name = 'RenderError';
}

export interface RenderPool {
  /** A PNG of one label, drawn on the render thread; rejects with RenderError when it cannot be drawn. */
  render(zpl: string, size: LabelSize & { dpi: Dpi }, options?: { timeoutMs?: number }): Promise<Uint8Array>;
  /** How many render threads have been started (a new one after each that died or was stopped). */
  started(): number;
  close(): Promise<void>;
}

type Reply = { ready: true } | { id: number; ok: true; png: string } | { id: number; ok: false; error: string };

/**
 * Draws label previews off the event loop, one at a time on one thread. A render that fails,
 * takes longer than `timeoutMs`, or kills its thread ends that thread; the next render starts a
 * fresh one, so one bad label never breaks the previews after it.
 */
export function createRenderPool(options: { timeoutMs?: number; maxHeapMb?: number } = {}): RenderPool {
  const timeoutMs = options.timeoutMs ?? 15_000;
  let thread: Worker | undefined;
  let count = 0;
  let nextId = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const spawn = () => {
    count++;
    const worker = new Worker(new URL('./render-thread.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 256 } });
    worker.unref();
    worker.on('exit', () => {
      if (thread === worker) thread = undefined;
    });
    worker.on('error', () => undefined);
    return worker;
  };
  const retire = (worker: Worker) => {
    if (thread === worker) thread = undefined;
    void worker.terminate();
  };

  const renderOnce = (zpl: string, size: LabelSize & { dpi: Dpi }, limitMs: number) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const worker = (thread ??= spawn());
      const id = ++nextId;
      const dpmm = DOTS_PER_MM[size.dpi];
      const done = (fn: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        fn();
      };
      const onMessage = (reply: Reply) => {
        if ('ready' in reply || reply.id !== id) return;
        if (reply.ok) done(() => resolve(new Uint8Array(Buffer.from(reply.png, 'base64'))));
        else {
          // The Go runtime may be dead behind an ordinary-looking error: never reuse a thread that failed.
          retire(worker);
          done(() => reject(new RenderError(`the label could not be drawn: ${reply.error}`)));
        }
      };
      const onExit = (code: number) => done(() => reject(new RenderError(`the renderer stopped (exit ${code}) while drawing a ${size.widthDots}x${size.heightDots}-dot label`)));
      const timer = setTimeout(() => {
        retire(worker);
        done(() => reject(new RenderError(`drawing a ${size.widthDots}x${size.heightDots}-dot label took longer than ${limitMs} ms; the renderer was restarted`)));
      }, limitMs);
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.postMessage({ id, zpl, widthMm: size.widthDots / dpmm, heightMm: size.heightDots / dpmm, dpmm });
    });

  return {
    render(zpl, size, call = {}) {
      const result = queue.then(() => renderOnce(zpl, size, call.timeoutMs ?? timeoutMs));
      queue = result.catch(() => undefined);
      return result;
    },
    started: () => count,
    async close() {
      const worker = thread;
      thread = undefined;
      if (worker) await worker.terminate();
    },
  };
}
