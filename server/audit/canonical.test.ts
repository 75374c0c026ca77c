import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical';

/** The canonical text as every chain so far was hashed: the faster writer must match it exactly. */
function reference(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value);
}

const values = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: true }),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), tie('value'), { maxKeys: 6 }),
  ),
})).value;

describe('canonicalJson', () => {
  it('writes the same text as the canonical form the chains were hashed with, for any JSON-like value', () => {
    fc.assert(fc.property(values, (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }), { numRuns: 2000 });
  });

  it('sorts keys by UTF-16 code units at every depth and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, undefined, NaN], c: '全角' }, '\uD800': 2, Z: undefined })).toBe('{"a":{"c":"全角","d":[1,null,null]},"b":1,"\\ud800":2}');
  });
});
