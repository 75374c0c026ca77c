import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readScan } from '../../domain/gs1';
import { readLabelBarcodes } from '../../printers/render';
import { runLotline } from '../test-support/process';
import { main } from './index';
import { memoryIo } from './io';

const DATA = '{"gtin":"09506000134352","lot":"ABC123","expiry":"2026-12-31","serial":"S1"}';
const label = async (args: string[], stdin: string[] = []) => {
  const io = memoryIo(stdin);
  const code = await main(['label', ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lotline-label-'));
});

describe('lotline label zpl', () => {
  it('prints the ZPL of a starter template, exit 0', async () => {
    const { code, stdout, stderr } = await label(['zpl', '--template', 'lot-gs1', '--data', DATA]);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^\^XA\n/);
    expect(stdout).toContain('^BXN,5,200,,,,#^FD#101095060001343521726123110ABC123#121S1^FS');
    expect(stdout).toContain('^BCN,50,N,N,N,D^FD(10)ABC123>8(21)S1^FS');
    expect(stdout.endsWith('^XZ\n')).toBe(true);
  });

  it('takes a template file and the data on stdin', async () => {
    const file = join(dir, 'small.json');
    await writeFile(
      file,
      JSON.stringify({ kind: 'zpl', name: 'small', dpi: 203, widthIn: 2, heightIn: 1, zpl: '^XA^FO10,10^BXN,4,200,,,,#^FD{{dataMatrix:gtin,lot}}^FS^XZ' }),
    );
    const { code, stdout } = await label(['zpl', '--template', file, '--data', '-'], [DATA]);
    expect([code, stdout]).toEqual([0, '^XA^FO10,10^BXN,4,200,,,,#^FD#1010950600013435210ABC123^FS^XZ']);
  });

  it('writes a PNG preview whose barcodes scan as the data', async () => {
    const png = join(dir, 'out.png');
    const { code, stdout } = await label(['zpl', '--template', 'lot-gs1', '--data', DATA, '--png', png]);
    expect(code).toBe(0);
    expect(stdout).toContain('^XA');
    const scans = (await readLabelBarcodes(new Uint8Array(await readFile(png)))).map((b) => readScan(b.scan, { checkAssociations: false }));
    expect(scans.map((s) => (s.ok && s.kind === 'gs1' ? s.elements.map((e) => `(${e.ai})${e.value}`).join('') : s))).toEqual([
      '(01)09506000134352(17)261231(10)ABC123(21)S1',
      '(01)09506000134352(17)261231',
      '(10)ABC123(21)S1',
    ]);
  }, 30_000);

  it.each([
    ['a space in the lot', { lot: 'ABC 123' }, "lotline label: lot: ' ' at position 4 is not allowed (GS1 character set 82)\n"],
    ['a bad GTIN check digit', { gtin: '09506000134353' }, 'lotline label: gtin: check digit is 3, expected 2\n'],
    ['a date that does not exist', { expiry: '2026-02-30' }, "lotline label: expiry: '2026-02-30' is not a date\n"],
    ['a serial over 20 characters', { serial: 'S'.repeat(21) }, 'lotline label: serial: 21 characters, at most 20 allowed\n'],
  ])('refuses %s: exit 1, one line on stderr, nothing on stdout', async (_case, change, message) => {
    const data = JSON.stringify({ ...(JSON.parse(DATA) as object), ...change });
    expect(await label(['zpl', '--template', 'lot-gs1', '--data', data])).toEqual({ code: 1, stdout: '', stderr: message });
  });

  it.each([
    ['no --template', ['zpl', '--data', DATA], 'lotline label: missing --template\n'],
    ['no --data', ['zpl', '--template', 'lot-gs1'], 'lotline label: missing --data\n'],
    ['--data that is not JSON', ['zpl', '--template', 'lot-gs1', '--data', '{gtin:'], 'lotline label: --data is not JSON'],
    ['an unknown template', ['zpl', '--template', 'no-such', '--data', DATA], "lotline label: no template 'no-such' (starter templates: carton-zpl, lot-gs1, lot-rfid, udi-nmpa)\n"],
    ['a template file that is not there', ['zpl', '--template', '/nonexistent/t.json', '--data', DATA], 'lotline label: cannot read template /nonexistent/t.json: no such file\n'],
    ['an unknown subcommand', ['print'], "lotline label: unknown subcommand 'print'\n"],
    ['an unknown option', ['zpl', '--template', 'lot-gs1', '--data', DATA, '--copies', '2'], 'lotline label: unknown option --copies\n'],
  ])('exits 2 for %s, with nothing on stdout', async (_case, args, message) => {
    const result = await label(args);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr.startsWith(message)).toBe(true);
  });

  it('lists the starter templates', async () => {
    expect(await label(['list'])).toEqual({ code: 0, stdout: 'carton-zpl\nlot-gs1\nlot-rfid\nudi-nmpa\n', stderr: '' });
  });

  it('works as a real process', async () => {
    const result = await runLotline(['label', 'zpl', '--template', 'udi-nmpa', '--data', DATA]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('^BQN,2,5^FDMA,https://id.gs1.org/01/09506000134352/10/ABC123/21/S1?17=261231^FS');
  }, 30_000);
});
