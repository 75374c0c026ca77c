import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { HOST_IDENTIFICATION, INITIAL_STATE, hostStatusAnswer, type PrinterState } from './host-status';
import { encodeTag, type TagOutcome } from './rfid';
import { ZplStreamReader, labelQuantity } from './zpl-stream';

export interface StoredFormat {
  seq: number;
  receivedAt: string;
  connection: number;
  zpl: string;
  labels: number;
  /** false while held by paper out or an open head. */
  printed: boolean;
  /** An RFID format's tag: what was to be written and what it read back as. */
  tag: TagOutcome | null;
}

export interface PrinterEmulatorOptions {
  host?: string;
  port?: number;
  maxFormats?: number;
  storeDir?: string;
  state?: Partial<PrinterState>;
}

export interface PrinterEmulator {
  readonly host: string;
  readonly port: number;
  state(): PrinterState;
  setState(patch: Partial<PrinterState>): Promise<void>;
  formats(): StoredFormat[];
  labelsPrinted(): number;
  clear(): void;
  close(): Promise<void>;
}

/**
 * A Zebra-like printer on raw TCP: stores every ^XA..^XZ format, prints (counts) it unless paper
 * is out or the head is open, answers ~HS from its simulated state, encodes RFID tags and sends
 * their ^HV read-back when the label prints (right, the previous label's, no tag, or a bad
 * answer, as told), and can go offline or cut a connection mid-job so the spool's fault
 * handling can be tried for real.
 */
export async function createPrinterEmulator(options: PrinterEmulatorOptions = {}): Promise<PrinterEmulator> {
  const host = options.host ?? '127.0.0.1';
  const maxFormats = options.maxFormats ?? 1000;
  let state: PrinterState = { ...INITIAL_STATE, ...options.state };
  let stored: StoredFormat[] = [];
  let seq = 0;
  let connectionCount = 0;
  let printed = 0;
  // The EPC on the last tag that took one: what the antenna reads when it reaches the previous label.
  let lastTag: string | null = null;
  const sockets = new Set<Socket>();
  // ^HV answers go out when their label prints, on the connection that sent it, if it is still open.
  const readBacks = new Map<StoredFormat, Socket>();
  if (options.storeDir) mkdirSync(options.storeDir, { recursive: true });

  const canPrint = () => !state.paperOut && !state.headOpen && !state.paused;
  const answerTag = (format: StoredFormat) => {
    const socket = readBacks.get(format);
    readBacks.delete(format);
    if (!socket || socket.destroyed || !format.tag?.answer) return;
    // A reset, as a pulled cable or a rebooting printer would leave it: the tag was written, its read-back never sent.
    if (format.tag.withheld === 'cut') socket.resetAndDestroy();
    else if (format.tag.withheld !== 'silent') socket.write(format.tag.answer, 'latin1');
  };
  const releaseHeld = () => {
    if (!canPrint()) return;
    for (const f of stored) {
      if (!f.printed) {
        f.printed = true;
        printed += f.labels;
        answerTag(f);
      }
    }
  };
  const waiting = () => stored.filter((f) => !f.printed);

  const onConnection = (socket: Socket) => {
    const connection = ++connectionCount;
    sockets.add(socket);
    const reader = new ZplStreamReader();
    let received = 0;
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      let data = chunk;
      // The cut hits the first connection that carries that many bytes: a short ~HS query
      // before the job goes through, as a real pulled cable would let it.
      const dropAfter = state.dropAfterBytes;
      if (dropAfter !== null && received + data.length >= dropAfter) {
        state = { ...state, dropAfterBytes: null };
        data = data.slice(0, Math.max(0, dropAfter - received));
        received = dropAfter;
        for (const event of reader.push(data)) if (event.kind === 'format') keep(event.zpl, connection, socket);
        // A reset, not a polite close: the sender must not mistake a cut for a finished job.
        socket.resetAndDestroy();
        return;
      }
      received += data.length;
      for (const event of reader.push(data)) {
        if (event.kind === 'format') keep(event.zpl, connection, socket);
        else {
          const answer = event.command === 'HS' ? hostStatusAnswer(state, waiting().length, waiting().reduce((s, f) => s + f.labels, 0)) : HOST_IDENTIFICATION;
          const reply = () => {
            if (!socket.destroyed) socket.write(answer, 'latin1');
          };
          if (state.latencyMs > 0) setTimeout(reply, state.latencyMs);
          else reply();
        }
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  };

  const keep = (zpl: string, connection: number, socket: Socket) => {
    const behaviour = state.rfidNext[0] ?? state.rfid;
    const tag = encodeTag(zpl, behaviour, lastTag);
    if (tag) {
      state = { ...state, rfidNext: state.rfidNext.slice(1) };
      if (tag.read === tag.epc) lastTag = tag.epc;
    }
    const format: StoredFormat = { seq: ++seq, receivedAt: new Date().toISOString(), connection, zpl, labels: labelQuantity(zpl), printed: canPrint(), tag };
    if (tag?.answer) readBacks.set(format, socket);
    if (format.printed) {
      printed += format.labels;
      answerTag(format);
    }
    stored.push(format);
    if (stored.length > maxFormats) {
      for (const dropped of stored.slice(0, stored.length - maxFormats)) readBacks.delete(dropped);
      stored = stored.slice(stored.length - maxFormats);
    }
    if (options.storeDir) writeFileSync(join(options.storeDir, `${String(format.seq).padStart(6, '0')}.zpl`), zpl, 'latin1');
  };

  let server: Server | undefined;
  let port = options.port ?? 9100;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer(onConnection);
      s.once('error', reject);
      s.listen(port, host, () => {
        s.off('error', reject);
        const address = s.address();
        if (address && typeof address === 'object') port = address.port;
        server = s;
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server) return resolve();
      const s = server;
      server = undefined;
      s.close(() => resolve());
    });

  if (state.online) await listen();

  return {
    host,
    get port() {
      return port;
    },
    state: () => ({ ...state }),
    async setState(patch) {
      const wasOnline = state.online;
      state = { ...state, ...patch };
      if (wasOnline && !state.online) await stopListening();
      if (!wasOnline && state.online) await listen();
      releaseHeld();
    },
    formats: () => stored.map((f) => ({ ...f, tag: f.tag ? { ...f.tag } : null })),
    labelsPrinted: () => printed,
    clear() {
      stored = [];
      readBacks.clear();
      printed = 0;
    },
    close: stopListening,
  };
}
