import type { RfidBehaviour } from './rfid';

/** The simulated condition of an emulated printer, as a person would flip it on a real one. */
export interface PrinterState {
  online: boolean;
  paperOut: boolean;
  headOpen: boolean;
  paused: boolean;
  /** Drop the next connection after this many bytes (a cable pulled mid-job); null: never. */
  dropAfterBytes: number | null;
  latencyMs: number;
  /** What the RFID tags of labels read back as. */
  rfid: RfidBehaviour;
  /** What the tags of the next few labels read back as, one each, before `rfid` applies again. */
  rfidNext: readonly RfidBehaviour[];
}

export const INITIAL_STATE: PrinterState = { online: true, paperOut: false, headOpen: false, paused: false, dropAfterBytes: null, latencyMs: 0, rfid: 'written', rfidNext: [] };

const STX = '\x02';
const ETX = '\x03';
const flag = (b: boolean) => (b ? '1' : '0');

/**
 * The three ~HS strings a Zebra printer answers, each STX ... ETX CR LF:
 * 1: comm settings, paper out, pause, label length, formats in buffer, buffer full, comm diag,
 *    partial format, unused, corrupt RAM, under temperature, over temperature;
 * 2: function settings, unused, head up, ribbon out, thermal transfer, print mode, width mode,
 *    label waiting, labels remaining, format while printing, graphics stored;
 * 3: password, static RAM.
 */
export function hostStatusAnswer(state: PrinterState, formatsWaiting: number, labelsRemaining: number): string {
  const one = ['030', flag(state.paperOut), flag(state.paused), '1218', String(formatsWaiting).padStart(3, '0'), '0', '0', '0', '000', '0', '0', '0'].join(',');
  const two = ['001', '0', flag(state.headOpen), '0', '0', '2', '6', flag(labelsRemaining > 0 && (state.paperOut || state.headOpen)), String(labelsRemaining).padStart(8, '0'), '0', '000'].join(',');
  const three = ['1234', '0'].join(',');
  return [one, two, three].map((s) => `${STX}${s}${ETX}\r\n`).join('');
}

export const HOST_IDENTIFICATION = `${STX}ZT410-203dpi,V75.20.01Z,8,8192KB${ETX}\r\n`;
