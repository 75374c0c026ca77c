import { Worker, parentPort, workerData } from 'node:worker_threads';
import { LocalCollection, openChangeStream, type SimHandheld } from '../server/test-support/sim-handhelds';

/**
 * The handhelds of the recall benchmark, in a thread of their own: real devices parse the pages
 * they pull on their own processors, so their parsing must not queue behind the server's work in
 * the server's thread. Times are epoch milliseconds so that both threads can compare them.
 */
export interface DeviceWatch {
  devices: SimHandheld[];
  /** The devices are up to date to here: what they pull after is the recall's hold. */
  checkpointXid: string;
  lotId: string;
}

type Message = { kind: 'ready' } | { kind: 'seen'; firstHeard: number; reached: number[] } | { kind: 'failed'; message: string };

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the devices listening; `seen` resolves once every device shows the lot recalled. */
export async function watchDevices(watch: DeviceWatch): Promise<{ seen: Promise<{ firstHeard: number; reached: number[] }> }> {
  const worker = new Worker(new URL('./ts-thread.mjs', import.meta.url), { workerData: { entry: import.meta.url, watch } });
  const messages: Message[] = [];
  const waiters: (() => void)[] = [];
  worker.on('message', (m: Message) => {
    messages.push(m);
    waiters.splice(0).forEach((w) => w());
  });
  worker.on('error', (e) => {
    messages.push({ kind: 'failed', message: e.message });
    waiters.splice(0).forEach((w) => w());
  });
  const next = async (): Promise<Message> => {
    while (messages.length === 0) await new Promise<void>((resolve) => waiters.push(resolve));
    const m = messages.shift()!;
    if (m.kind === 'failed') throw new Error(`recall devices: ${m.message}`);
    return m;
  };
  await next();
  const seen = next().then((m) => {
    void worker.terminate();
    if (m.kind !== 'seen') throw new Error(`recall devices: unexpected ${m.kind}`);
    return { firstHeard: m.firstHeard, reached: m.reached };
  });
  return { seen };
}

/** The handheld's loop: on a change notice naming lots (or a resync), pull lots until the lot shows recalled. */
async function watchForHold(device: SimHandheld, watch: DeviceWatch, heard: (at: number) => void): Promise<{ reached: Promise<number> }> {
  const lots = new LocalCollection<{ id: string; status: string; _deleted: boolean }>('lots');
  // The bench's md5-made lot ids are not RFC 4122 UUIDs, which the pull route refuses as a checkpoint id.
  lots.checkpoint = { xid: watch.checkpointXid, id: 'ffffffff-ffff-4fff-bfff-ffffffffffff' };
  const stream = await openChangeStream(device);
  await sleep(100);
  stream.take(); // the stream's opening resync: this device is already up to date
  const reached = (async () => {
    const deadline = now() + 60_000;
    try {
      while (now() < deadline) {
        const changed = stream.take();
        if (changed.has('lots') || changed.has('*')) {
          heard(now());
          await lots.pull(device);
          if (lots.docs.get(watch.lotId)?.status === 'recalled') return now();
        }
        await sleep(2);
      }
      throw new Error(`${device.name} did not see the hold within 60 s`);
    } finally {
      stream.close();
    }
  })();
  return { reached };
}

async function inThread(watch: DeviceWatch): Promise<void> {
  const port = parentPort!;
  try {
    let firstHeard = Infinity;
    const watching = await Promise.all(watch.devices.map((device) => watchForHold(device, watch, (at) => (firstHeard = Math.min(firstHeard, at)))));
    port.postMessage({ kind: 'ready' } satisfies Message);
    const reached = await Promise.all(watching.map((w) => w.reached));
    port.postMessage({ kind: 'seen', firstHeard, reached } satisfies Message);
  } catch (e) {
    port.postMessage({ kind: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies Message);
  }
}

if (parentPort && (workerData as { entry?: string } | null)?.entry === import.meta.url) await inThread((workerData as { watch: DeviceWatch }).watch);
