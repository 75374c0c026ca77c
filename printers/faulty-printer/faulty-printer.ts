import { createServer, type Server, type Socket } from 'node:net';
import { hostStatusAnswer, INITIAL_STATE } from '../emulator/host-status';
import { ZplStreamReader } from '../emulator/zpl-stream';

/**
 * A badly behaved printer for tests, apart from the emulator on purpose: the emulator is how a
 * good Zebra behaves; this is how printers and networks let a spool down. It answers ~HS
 * truthfully about itself, and can be told to:
 * - `discardWhileFaulted`: throw away formats that arrive while paper is out, the head is open
 *   or it is paused (and say so: an empty buffer), as some printers and firmware settings do;
 * - `closeAfterBytes`: read that many bytes of the next connection, then close politely (FIN),
 *   the rest unread — a label cut in half without an error on the wire;
 * - `acceptAndClose`: accept each connection and close it without reading a byte;
 * - `silent`: read everything, print nothing, answer nothing (a hung printer);
 * - `offline`: refuse connections.
 */
export interface Faults {
  paperOut: boolean;
  headOpen: boolean;
  paused: boolean;
  discardWhileFaulted: boolean;
  closeAfterBytes: number | null;
  acceptAndClose: boolean;
  silent: boolean;
  offline: boolean;
}

export interface FaultyPrinter {
  readonly host: string;
  readonly port: number;
  set(faults: Partial<Faults>): Promise<void>;
  /** Formats that came out of the printer, in order. */
  printed(): string[];
  /** Formats thrown away while faulted. */
  discarded(): string[];
  /** Bytes received across all connections. */
  bytesReceived(): number;
  connections(): number;
  close(): Promise<void>;
}

export async function createFaultyPrinter(initial: Partial<Faults> = {}): Promise<FaultyPrinter> {
  let faults: Faults = { paperOut: false, headOpen: false, paused: false, discardWhileFaulted: true, closeAfterBytes: null, acceptAndClose: false, silent: false, offline: false, ...initial };
  const printed: string[] = [];
  const discarded: string[] = [];
  const sockets = new Set<Socket>();
  let bytes = 0;
  let connections = 0;
  let port = 0;
  let server: Server | undefined;

  const faulted = () => faults.paperOut || faults.headOpen || faults.paused;
  const held: string[] = [];
  const release = () => {
    if (!faulted()) printed.push(...held.splice(0));
  };

  const onConnection = (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (faults.acceptAndClose) {
      socket.end();
      return;
    }
    const reader = new ZplStreamReader();
    let received = 0;
    socket.setEncoding('latin1');
    const onData = (chunk: string) => {
      let data = chunk;
      // The cut hits the first connection to carry that many bytes, so a short ~HS query goes through.
      const cut = faults.closeAfterBytes !== null && received + data.length >= faults.closeAfterBytes;
      if (cut) {
        data = data.slice(0, faults.closeAfterBytes! - received);
        faults = { ...faults, closeAfterBytes: null };
      }
      received += data.length;
      bytes += data.length;
      for (const event of reader.push(data)) {
        if (faults.silent) continue;
        if (event.kind === 'format') {
          if (!faulted()) printed.push(event.zpl);
          else if (faults.discardWhileFaulted) discarded.push(event.zpl);
          else held.push(event.zpl);
        } else if (event.command === 'HS') {
          const state = { ...INITIAL_STATE, paperOut: faults.paperOut, headOpen: faults.headOpen, paused: faults.paused };
          socket.write(hostStatusAnswer(state, held.length, held.length), 'latin1');
        }
      }
      if (cut) {
        socket.off('data', onData);
        socket.pause();
        socket.end();
      }
    };
    socket.on('data', onData);
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer(onConnection);
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        const address = s.address();
        if (address && typeof address === 'object') port = address.port;
        server = s;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      const s = server;
      server = undefined;
      if (!s) return resolve();
      s.close(() => resolve());
    });

  if (!faults.offline) await listen();
  return {
    host: '127.0.0.1',
    get port() {
      return port;
    },
    async set(patch) {
      const wasOffline = faults.offline;
      faults = { ...faults, ...patch };
      if (!wasOffline && faults.offline) {
        // A power cycle: whatever the printer held is gone.
        held.splice(0);
        await stop();
      }
      if (wasOffline && !faults.offline) await listen();
      release();
    },
    printed: () => [...printed],
    discarded: () => [...discarded],
    bytesReceived: () => bytes,
    connections: () => connections,
    close: stop,
  };
}
