import { describe, expect, it } from 'vitest';
import { GS } from '../gs1';
import { readZplFields } from './zpl-read';

const one = (zpl: string) => readZplFields(`^XA${zpl}^XZ`)[0];

describe('readZplFields reads a format as a Zebra printer does', () => {
  it.each([
    ['GS1 DataMatrix, FNC1 as separator', '^FO0,0^BXN,5,200,,,,_^FD_1010950600013435210A__B_121S1^FS', { kind: 'datamatrix', gs1: true, data: `010950600013435210A_B${GS}21S1` }],
    ['DataMatrix without the leading FNC1 (not GS1)', '^FO0,0^BXN,5,200,,,,#^FD0109506000134352^FS', { kind: 'datamatrix', gs1: false, data: '0109506000134352' }],
    ['GS1-128 mode D, parentheses dropped', '^FO0,0^BCN,50,Y,N,N,D^FD(01)09506000134352(10)AB>8(21)1^FS', { kind: 'code128', gs1: true, data: `0109506000134352` + `10AB${GS}211` }],
    ['GS1-128 mode N, subsets C and B', '^FO0,0^BCN,50,N,N,N,N^FD>;>80109506000134352>610A>0(>5>82112^FS', { kind: 'code128', gs1: true, data: `010950600013435210A>(${GS}2112` }],
    ['text under ^FH, UTF-8 bytes', '^FO0,0^A0N,20,20^FH\\^FD\\E6\\B3\\A8 \\5E^FS', { kind: 'text', text: '注 ^' }],
    ['QR with its error correction level', '^FO0,0^BQN,2,4^FDMA,https://id.gs1.org/01/09506000134352^FS', { kind: 'qr', errorCorrection: 'M', data: 'https://id.gs1.org/01/09506000134352' }],
  ])('%s', (_case, zpl, expected) => {
    expect(one(zpl)).toMatchObject(expected);
  });

  it('shows why ^FH must stay away from barcodes: it eats "_1x" before the barcode sees it', () => {
    expect(one('^FO0,0^BXN,5,200,,,,_^FH^FD_10109506000134352_11A^FS')).toMatchObject({ kind: 'datamatrix', gs1: false, data: '\x10109506000134352\x11A' });
  });

  it('refuses barcode data a printer would read otherwise than meant', () => {
    expect(() => one('^FO0,0^BXN,5,200,,,,_^FD_1010950600_B^FS')).toThrow('^BX escape sequence _B is not FNC1');
    expect(() => one('^FO0,0^BCN,50,N,N,N,D^FD(10)A>0B^FS')).toThrow('mode D data holds an invocation code other than >8');
  });
});
