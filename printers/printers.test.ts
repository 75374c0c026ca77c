import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPrinterEmulator, type PrinterEmulator } from './emulator';
import { HostStatusError, parseHostStatus, queryHostStatus, sendZpl } from './transport';

const label = (n: number, qty = 1) => `^XA^FO50,50^A0N,30,30^FDLabel ${n}^FS^PQ${qty}^XZ`;
let printer: PrinterEmulator | undefined;
afterEach(async () => {
  await printer?.close();
  printer = undefined;
});

const start = async (state = {}) => (printer = await createPrinterEmulator({ port: 0, state }));
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('printer emulator over TCP', () => {
  it('stores formats sent in one connection and counts ^PQ labels', async () => {
    const p = await start();
    const result = await sendZpl({ host: p.host, port: p.port, data: label(1) + label(2, 3) });
    expect(result).toEqual({ outcome: 'sent', bytesWritten: (label(1) + label(2, 3)).length });
    await until(() => p.formats().length === 2);
    expect(p.formats().map((f) => f.labels)).toEqual([1, 3]);
    expect(p.labelsPrinted()).toBe(4);
  });

  it('joins a format split across chunks', async () => {
    const p = await start();
    const { Socket } = await import('node:net');
    const socket = new Socket();
    await new Promise<void>((r) => socket.connect(p.port, p.host, r));
    const zpl = label(7);
    socket.write(zpl.slice(0, 10));
    await new Promise((r) => setTimeout(r, 20));
    socket.end(zpl.slice(10));
    await until(() => p.formats().length === 1);
    expect(p.formats()[0]!.zpl).toBe(zpl);
  });

  it.each([
    ['online', {}, { ready: true, paperOut: false, headOpen: false, paused: false }],
    ['paper out', { paperOut: true }, { ready: false, paperOut: true }],
    ['head open', { headOpen: true }, { ready: false, headOpen: true }],
    ['paused', { paused: true }, { ready: false, paused: true }],
  ])('answers ~HS when %s, and the transport parses it back', async (_name, state, expected) => {
    const p = await start(state);
    expect(await queryHostStatus({ host: p.host, port: p.port })).toMatchObject(expected);
  });

  it('holds formats while paper is out and prints them when paper is back', async () => {
    const p = await start({ paperOut: true });
    await sendZpl({ host: p.host, port: p.port, data: label(1, 2) });
    await until(() => p.formats().length === 1);
    expect(p.labelsPrinted()).toBe(0);
    expect(await queryHostStatus({ host: p.host, port: p.port })).toMatchObject({ formatsInBuffer: 1, labelsRemaining: 2 });
    await p.setState({ paperOut: false });
    expect(p.labelsPrinted()).toBe(2);
  });

  it('refuses connections while offline: nothing sent, safe to retry', async () => {
    const p = await start();
    await p.setState({ online: false });
    const result = await sendZpl({ host: p.host, port: p.port, data: label(1) });
    expect(result.outcome).toBe('refused');
    expect(result.bytesWritten).toBe(0);
    await p.setState({ online: true });
    expect((await sendZpl({ host: p.host, port: p.port, data: label(1) })).outcome).toBe('sent');
  });

  it('reports a connection dropped mid-job as uncertain and stores no partial format', async () => {
    const p = await start({ dropAfterBytes: 30 });
    const data = label(1) + label(2) + 'x'.repeat(200_000);
    const result = await sendZpl({ host: p.host, port: p.port, data });
    expect(result.outcome).toBe('uncertain');
    expect(p.formats()).toEqual([]);
  });

  it('reports a printer that stops reading as uncertain after the write timeout', async () => {
    const stalled: Server = createServer((socket) => socket.pause());
    await new Promise<void>((r) => stalled.listen(0, '127.0.0.1', r));
    const port = (stalled.address() as { port: number }).port;
    try {
      const result = await sendZpl({ host: '127.0.0.1', port, data: 'x'.repeat(20_000_000), writeTimeoutMs: 200 });
      expect(result.outcome).toBe('uncertain');
      expect(result.bytesWritten).toBeGreaterThan(0);
    } finally {
      stalled.close();
    }
  });

  it.each([
    ['', /0 of 3/],
    ['\x02a,b\x03\x02c\x03\x02d\x03', /too few fields/],
    ['\x02030,X,0,1218,000,0,0,0,000,0,0,0\x03\x02001,0,0,0,0,2,6,0,00000000,0,000\x03\x021234,0\x03', /paper out is 'X'/],
  ])('refuses a malformed ~HS answer %#', (text, message) => {
    expect(() => parseHostStatus(text)).toThrow(HostStatusError);
    expect(() => parseHostStatus(text)).toThrow(message);
  });
});
