import { Socket } from 'node:net';
import { parseHostStatus, type HostStatus } from './host-status';

export interface PrinterAddress {
  host: string;
  port: number;
}

/**
 * What happened to a bare send. Nothing reached the printer for refused, unreachable and
 * connect_timeout. `sent` only says the bytes left and the printer closed in turn: a printer that
 * closes without reading looks the same, so the spool never takes `sent` as printed — it uses
 * deliverZpl, which has the printer confirm. This is the raw floor the benchmark measures.
 */
export type SendResult =
  | { outcome: 'sent'; bytesWritten: number }
  | { outcome: 'refused' | 'unreachable' | 'connect_timeout'; bytesWritten: 0; error: string }
  | { outcome: 'uncertain'; bytesWritten: number; error: string };

export async function sendZpl(options: PrinterAddress & { data: string; connectTimeoutMs?: number; writeTimeoutMs?: number }): Promise<SendResult> {
  const payload = Buffer.from(options.data, 'latin1');
  return new Promise((resolve) => {
    const socket = new Socket();
    let connected = false;
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(writeTimer);
      socket.destroy();
      resolve(result);
    };
    const written = () => (connected ? Math.min(payload.length, socket.bytesWritten) : 0);
    const connectTimer = setTimeout(() => finish({ outcome: 'connect_timeout', bytesWritten: 0, error: `no connection within ${options.connectTimeoutMs ?? 3000} ms` }), options.connectTimeoutMs ?? 3000);
    let writeTimer: ReturnType<typeof setTimeout> | undefined;
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (!connected) {
        const outcome = error.code === 'ECONNREFUSED' ? 'refused' : 'unreachable';
        finish({ outcome, bytesWritten: 0, error: error.message });
      } else finish({ outcome: 'uncertain', bytesWritten: written(), error: error.message });
    });
    let ended = false;
    socket.once('close', (hadError) => {
      if (!connected) return;
      if (ended && !hadError) finish({ outcome: 'sent', bytesWritten: payload.length });
      else finish({ outcome: 'uncertain', bytesWritten: written(), error: 'the printer closed the connection before the job was complete' });
    });
    socket.connect(options.port, options.host, () => {
      connected = true;
      clearTimeout(connectTimer);
      writeTimer = setTimeout(() => finish({ outcome: 'uncertain', bytesWritten: written(), error: `write not finished within ${options.writeTimeoutMs ?? 10_000} ms` }), options.writeTimeoutMs ?? 10_000);
      // Flushed to the kernel is not yet received: wait for the printer's own close.
      socket.end(payload, () => {
        ended = true;
      });
      socket.resume();
    });
  });
}

/** Sends ~HS and parses the answer; rejects on timeout or a malformed answer. */
export async function queryHostStatus(options: PrinterAddress & { timeoutMs?: number }): Promise<HostStatus> {
  const timeoutMs = options.timeoutMs ?? 3000;
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no ~HS answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const done = (fn: () => void) => {
      clearTimeout(timer);
      socket.destroy();
      fn();
    };
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      answer += chunk;
      if ((answer.match(/\x03/g) ?? []).length >= 3) {
        done(() => {
          try {
            resolve(parseHostStatus(answer));
          } catch (error) {
            reject(error as Error);
          }
        });
      }
    });
    socket.once('error', (error) => done(() => reject(error)));
    socket.connect(options.port, options.host, () => socket.write('~HS'));
  });
}
