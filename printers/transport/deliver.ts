import { Socket } from 'node:net';
import { HostStatusError, parseHostStatus, type HostStatus } from './host-status';
import type { PrinterAddress } from './tcp';

/**
 * What became of a format sent with an in-band ~HS behind it. The printer reads its connection in
 * order, so an answer to the ~HS means every byte of the format reached it first; the answer then
 * says whether the printer still holds the label or has printed it. No answer (a reset, a polite
 * close, silence) means nobody knows: the label may or may not come out.
 */
export type Delivery =
  /** `readBack`: the ^HV line of an RFID label (without its CR LF), null when none came in time. */
  | { outcome: 'answered'; bytesWritten: number; status: HostStatus; readBack?: string | null }
  | { outcome: 'refused' | 'unreachable' | 'connect_timeout'; bytesWritten: 0; error: string }
  | { outcome: 'uncertain'; bytesWritten: number; error: string };

const HS = '~HS';

const STATUS_STRING = /\x02[^\x02\x03]*\x03(\r\n)?/g;

/** The ~HS strings and, apart from them, the ^HV line of a connection's answer so far. */
function splitAnswer(answer: string): { status: string[]; readBack: string | null } {
  const status = answer.match(STATUS_STRING) ?? [];
  // A status string still arriving is neither.
  const rest = answer.replace(STATUS_STRING, '').replace(/\x02[^\x03]*$/, '');
  const end = rest.indexOf('\r\n');
  return { status, readBack: end === -1 ? null : rest.slice(0, end) };
}

/**
 * Sends one format and asks ~HS on the same connection; resolves when the answer is complete.
 * With `readBack` (an RFID label whose format ends in ^HV) it also waits for the line the printer
 * sends when the label has printed: a printer answers ~HS at once, so that line may come after
 * it. A ~HS answer without the line by the answer timeout is answered with `readBack: null`.
 */
export async function deliverZpl(options: PrinterAddress & { data: string; connectTimeoutMs?: number; answerTimeoutMs?: number; readBack?: boolean }): Promise<Delivery> {
  const payload = Buffer.from(options.data + HS, 'latin1');
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  const answerTimeoutMs = options.answerTimeoutMs ?? 10_000;
  return new Promise((resolve) => {
    const socket = new Socket();
    let connected = false;
    let settled = false;
    let answer = '';
    let answerTimer: ReturnType<typeof setTimeout> | undefined;
    const finish = (result: Delivery) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(answerTimer);
      socket.destroy();
      resolve(result);
    };
    const written = () => (connected ? Math.min(payload.length, socket.bytesWritten) : 0);
    const uncertain = (error: string) => finish({ outcome: 'uncertain', bytesWritten: written(), error });
    const connectTimer = setTimeout(() => finish({ outcome: 'connect_timeout', bytesWritten: 0, error: `no connection to ${options.host}:${options.port} within ${connectTimeoutMs} ms` }), connectTimeoutMs);
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (!connected) finish({ outcome: error.code === 'ECONNREFUSED' ? 'refused' : 'unreachable', bytesWritten: 0, error: `${options.host}:${options.port}: ${error.code ?? error.message}` });
      else uncertain(`${options.host}:${options.port}: ${error.code ?? error.message} before the printer confirmed the label`);
    });
    socket.once('close', () => {
      if (connected && options.readBack && statusComplete()) answered(null);
      if (connected) uncertain('the printer closed the connection without confirming the label (no ~HS answer)');
    });
    socket.setEncoding('latin1');
    const answered = (readBack: string | null) => {
      // Without a read-back the whole answer must be the ~HS status; anything else in it is a fault.
      const statusText = options.readBack ? splitAnswer(answer).status.join('') : answer;
      try {
        finish({ outcome: 'answered', bytesWritten: payload.length, status: parseHostStatus(statusText), ...(options.readBack ? { readBack } : {}) });
      } catch (error) {
        uncertain(error instanceof HostStatusError ? `the printer's answer was not a ~HS status: ${error.message}` : String(error));
      }
    };
    const statusComplete = () => splitAnswer(answer).status.length >= 3;
    socket.on('data', (chunk: string) => {
      answer += chunk;
      if (!options.readBack) {
        if ((answer.match(/\x03/g) ?? []).length >= 3) answered(null);
        return;
      }
      const { status, readBack } = splitAnswer(answer);
      if (status.length >= 3 && readBack !== null) answered(readBack);
    });
    socket.connect(options.port, options.host, () => {
      connected = true;
      clearTimeout(connectTimer);
      socket.setNoDelay(true);
      answerTimer = setTimeout(() => {
        if (options.readBack && statusComplete()) answered(null);
        else uncertain(`no ~HS answer within ${answerTimeoutMs} ms of sending the label`);
      }, answerTimeoutMs);
      // Half-close only after the answer: a printer may stop reading once we end our side.
      socket.write(payload);
    });
  });
}
