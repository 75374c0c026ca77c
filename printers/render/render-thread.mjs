// The ZPL renderer (Go compiled to WebAssembly) on a worker thread of its own. A label it cannot
// draw can make the Go runtime run out of memory and exit for good; here that ends this thread
// only, and the pool in render-pool.ts starts a new one. Plain JavaScript: a worker thread is
// started by Node itself, without the TypeScript loader.
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

const { api } = await createRequire(import.meta.url)('zpl-renderer-js').ready;
parentPort.on('message', async ({ id, zpl, widthMm, heightMm, dpmm }) => {
  try {
    const png = await api.zplToBase64Async(zpl, widthMm, heightMm, dpmm);
    parentPort.postMessage({ id, ok: true, png });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: String(error instanceof Error ? error.message : error) });
  }
});
parentPort.postMessage({ ready: true });
