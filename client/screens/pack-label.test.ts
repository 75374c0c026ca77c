import { describe, expect, it } from 'vitest';
import type { OpDoc } from '../../sync';
import { labelOnDevice, readLabelScan } from './pack-label';

const SSCC = '506141410000000017';
type DeviceOp = Pick<OpDoc, 'type' | 'payload' | 'status'>;
const op = (type: OpDoc['type'], payload: Record<string, unknown>, status: OpDoc['status'] = 'queued'): DeviceOp => ({ type, payload: { sscc: SSCC, ...payload }, status });

describe('labelOnDevice', () => {
  it.each<[string, { labelVersion: number | null; labelVerifiedVersion: number | null } | undefined, DeviceOp[], { drawnFor: number | null; verifiedFor: number | null }]>([
    ['nothing known', undefined, [], { drawnFor: null, verifiedFor: null }],
    ['the server record alone', { labelVersion: 3, labelVerifiedVersion: 2 }, [], { drawnFor: 3, verifiedFor: 2 }],
    ['a reprint and its verify scan still queued', { labelVersion: 3, labelVerifiedVersion: 3 }, [op('print_sscc', { forVersion: 4 }), op('label_verified', { version: 4 })], { drawnFor: 4, verifiedFor: 4 }],
    ['the first label of a new container: drawn for version 0', undefined, [op('print_sscc', {}, 'applied')], { drawnFor: 0, verifiedFor: null }],
    ['a refused reprint vouches for nothing', { labelVersion: null, labelVerifiedVersion: null }, [op('print_sscc', { forVersion: 5 }, 'rejected'), op('label_verified', { version: 5 }, 'rejected')], { drawnFor: null, verifiedFor: null }],
    ['another container’s ops do not count', undefined, [{ type: 'print_sscc', payload: { sscc: '106141410000000019', forVersion: 9 }, status: 'queued' }], { drawnFor: null, verifiedFor: null }],
  ])('%s', (_name, doc, ops, want) => {
    expect(labelOnDevice(doc, ops, SSCC)).toEqual(want);
  });
});

describe('readLabelScan', () => {
  it.each<[string, string, { ai: string; value: string }[] | null]>([
    ['bare SSCC digits, typed or without FNC1', SSCC, [{ ai: '00', value: SSCC }]],
    ['the SSCC symbol', `]C100${SSCC}`, [{ ai: '00', value: SSCC }]],
    ['a content symbol', ']C10206901234000016376', [{ ai: '02', value: '06901234000016' }, { ai: '37', value: '6' }]],
    ['plain text', 'hello', null],
    ['full-width digits are no SSCC', '５０６１４１４１００００００００１７', null],
    ['a NUL', `${SSCC}\u0000`, null],
  ])('%s', (_name, scan, want) => {
    expect(readLabelScan(scan)).toEqual(want);
  });
});
