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

/** Epoch milliseconds at which each device refused the lot (from the case's hold) and had every lot of the hold pulled. */
export interface DevicesSeen {
  firstHeard: number;
  held: number[];
  lotsPulled: number[];
}

type Message = { kind: 'ready' } | ({ kind: 'seen' } & DevicesSeen) | { kind: 'failed'; message: string };

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the devices listening; `seen` resolves once every device holds the lot and has pulled the lots. */
export async function watchDevices(watch: DeviceWatch): Promise<{ seen: Promise<DevicesSeen> }> {
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
    return { firstHeard: m.firstHeard, held: m.held, lotsPulled: m.lotsPulled };
  });
  return { seen };
}

/**
 * The handheld's loop, as the app's sync engine does it: a change notice naming the recalls is
 * pulled at once, and the case's list of held lots is what makes the device refuse the lot; the
 * lots the notice names are pulled after it, bringing each held lot's own row.
 */
async function watchForHold(device: SimHandheld, watch: DeviceWatch, heard: (at: number) => void): Promise<{ reached: Promise<{ held: number; lotsPulled: number }> }> {
  const lots = new LocalCollection<{ id: string; status: string; _deleted: boolean }>('lots');
  const recalls = new LocalCollection<{ id: string; heldLots: string[]; _deleted: boolean }>('recalls');
  // The bench's md5-made lot ids are not RFC 4122 UUIDs, which the pull route refuses as a checkpoint id.
  lots.checkpoint = { xid: watch.checkpointXid, id: 'ffffffff-ffff-4fff-bfff-ffffffffffff' };
  await recalls.pull(device);
  const stream = await openChangeStream(device);
  await sleep(100);
  stream.take(); // the stream's opening resync: this device is already up to date
  const reached = (async () => {
    const deadline = now() + 60_000;
    let held = 0;
    let lotsPulled = 0;
    const holding = async () => {
      await recalls.pull(device);
      if (recalls.live().some((c) => c.heldLots.includes(watch.lotId))) held ||= now();
    };
    const pullingLots = async () => {
      await lots.pull(device);
      if (lots.docs.get(watch.lotId)?.status === 'recalled') lotsPulled ||= now();
    };
    try {
      while (now() < deadline && (held === 0 || lotsPulled === 0)) {
        const changed = stream.take();
        const all = changed.has('*');
        if (all || changed.has('recalls') || changed.has('lots')) heard(now());
        if (all || changed.has('recalls')) await holding();
        if (all || changed.has('lots')) await pullingLots();
        await sleep(2);
      }
      if (held === 0 || lotsPulled === 0) throw new Error(`${device.name} did not see the hold within 60 s`);
      return { held, lotsPulled };
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
    port.postMessage({ kind: 'seen', firstHeard, held: reached.map((r) => r.held), lotsPulled: reached.map((r) => r.lotsPulled) } satisfies Message);
  } catch (e) {
    port.postMessage({ kind: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies Message);
  }
}

if (parentPort && (workerData as { entry?: string } | null)?.entry === import.meta.url) await inThread((workerData as { watch: DeviceWatch }).watch);
