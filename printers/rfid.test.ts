import { afterEach, describe, expect, it } from 'vitest';
import { withRfid } from '../domain/labels';
import { createPrinterEmulator, encodeTag, type PrinterEmulator } from './emulator';
import { deliverZpl } from './transport';

const EPC_A = '3035A537C80001460DB88401';
const EPC_B = '3035A537C80001460DB88402';
const rfidLabel = (epc: string) => withRfid(`^XA\n^FO50,50^A0N,30,30^FDunit^FS\n^XZ`, epc);
let printer: PrinterEmulator | undefined;
afterEach(async () => {
  await printer?.close();
  printer = undefined;
});

describe('emulated RFID encoding', () => {
  it.each([
    ['written', EPC_B, `EPC[${EPC_B}]\r\n`, false],
    ['previous', EPC_B, `EPC[${EPC_A}]\r\n`, false],
    ['no_tag', EPC_B, 'EPC[]\r\n', true],
    ['short', EPC_B, `EPC[${EPC_B.slice(0, 20)}]\r\n`, false],
    ['garbage', EPC_B, 'EPC[ZX?-17]\r\n', false],
  ] as const)('%s: the ^HV answer follows the header and terminator the format asked for', (behaviour, epc, answer, isVoid) => {
    expect(encodeTag(rfidLabel(epc), behaviour, EPC_A)).toEqual({ epc, read: answer.slice(4, -3), void: isVoid, answer, withheld: null });
  });

  it.each(['silent', 'cut'] as const)('%s: the tag takes the EPC, and its answer is withheld', (behaviour) => {
    expect(encodeTag(rfidLabel(EPC_B), behaviour, EPC_A)).toEqual({ epc: EPC_B, read: EPC_B, void: false, answer: `EPC[${EPC_B}]\r\n`, withheld: behaviour });
  });

  it('leaves formats without ^RFW alone', () => {
    expect(encodeTag('^XA^FDx^FS^XZ', 'written', null)).toBeNull();
  });
});

describe('delivering an RFID label over TCP', () => {
  it('brings back the ~HS status and the tag read-back on the one connection', async () => {
    const p = (printer = await createPrinterEmulator({ port: 0 }));
    const first = await deliverZpl({ host: p.host, port: p.port, data: rfidLabel(EPC_A), readBack: true });
    expect(first).toMatchObject({ outcome: 'answered', readBack: `EPC[${EPC_A}]`, status: { formatsInBuffer: 0 } });
    await p.setState({ rfid: 'previous' });
    expect(await deliverZpl({ host: p.host, port: p.port, data: rfidLabel(EPC_B), readBack: true })).toMatchObject({ outcome: 'answered', readBack: `EPC[${EPC_A}]` });
    await p.setState({ rfid: 'no_tag' });
    expect(await deliverZpl({ host: p.host, port: p.port, data: rfidLabel(EPC_B), readBack: true })).toMatchObject({ outcome: 'answered', readBack: 'EPC[]' });
    expect(p.formats().map((f) => f.tag?.void)).toEqual([false, false, true]);
  });

  it('a silent printer answers ~HS but never sends the read-back; a cut one resets the connection when the label prints', async () => {
    const p = (printer = await createPrinterEmulator({ port: 0, state: { rfidNext: ['silent', 'cut'] } }));
    const silent = await deliverZpl({ host: p.host, port: p.port, data: rfidLabel(EPC_A), readBack: true, answerTimeoutMs: 300 });
    expect(silent).toMatchObject({ outcome: 'answered', readBack: null, status: { formatsInBuffer: 0 } });
    const cut = await deliverZpl({ host: p.host, port: p.port, data: rfidLabel(EPC_B), readBack: true, answerTimeoutMs: 2000 });
    expect(cut.outcome === 'uncertain' || (cut.outcome === 'answered' && cut.readBack === null)).toBe(true);
    // Both tags hold their EPC: only reading them tells.
    expect(p.formats().map((f) => [f.tag?.read, f.tag?.void, f.labels])).toEqual([
      [EPC_A, false, 1],
      [EPC_B, false, 1],
    ]);
    expect(p.labelsPrinted()).toBe(2);
  });

  it('answers readBack null when the label is held (paper out) and its read-back does not come in time', async () => {
    const p = (printer = await createPrinterEmulator({ port: 0, state: { paperOut: true } }));
    const held = await deliverZpl({ host: p.host, port: p.port, data: rfidLabel(EPC_A), readBack: true, answerTimeoutMs: 200 });
    expect(held).toMatchObject({ outcome: 'answered', readBack: null, status: { paperOut: true, formatsInBuffer: 1 } });
  });

  it('waits for a read-back that comes after the ~HS answer', async () => {
    const p = (printer = await createPrinterEmulator({ port: 0, state: { paused: true } }));
    const delivery = deliverZpl({ host: p.host, port: p.port, data: rfidLabel(EPC_A), readBack: true, answerTimeoutMs: 2000 });
    setTimeout(() => void p.setState({ paused: false }), 100);
    expect(await delivery).toMatchObject({ outcome: 'answered', readBack: `EPC[${EPC_A}]`, status: { paused: true } });
  });
});
