import { describe, expect, it } from 'vitest';
import { ItemRecord, PurchaseOrderRecord, judgeReplay, judgeRows, normaliseExternalId, outcomeFor, refusedRow, requestFingerprint, summarise } from '.';

describe('external ids', () => {
  it.each([
    ['SKU-1', 'SKU-1'],
    ['  SKU-1\t', 'SKU-1'],
    ['\u3000SKU-1\u3000', 'SKU-1'],
    ['\u00A0erp:item/42#a', 'erp:item/42#a'],
  ])('%j is read as %j', (raw, id) => {
    expect(normaliseExternalId(raw)).toEqual({ ok: true, id });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['SKU 1', 'inner_space'],
    ['SKU\u30001', 'inner_space'],
    ['ＳＫＵ-1', 'full_width'],
    ['SKU-１', 'full_width'],
    ['SKU\u0000', 'control'],
    ['SKU\u0007', 'control'],
    ['-SKU', 'bad_character'],
    ['SKU\uD800', 'bad_character'],
    ['a'.repeat(65), 'too_long'],
  ])('%j is refused as %s', (raw, problem) => {
    const verdict = normaliseExternalId(raw);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.problem).toBe(problem);
  });

  it('says which ASCII character a full-width one stands for', () => {
    expect(normaliseExternalId('A１')).toMatchObject({ message: expect.stringContaining("send '1'") });
  });
});

const item = (externalId: string, gtin: string, extra: Record<string, unknown> = {}) => ({ externalId, gtin, sku: `S-${gtin.slice(-4)}`, name: 'Catheter', ...extra });

describe('batch rows', () => {
  it('judges each row on its own and names the row and field', () => {
    const judged = judgeRows([item('A', '09506000134352'), item('B', '09506000134353'), item('C', '09506000134369', { shelfLifeDays: -1 })], ItemRecord, ['gtin', 'sku']);
    expect(judged.map((r) => r.ok)).toEqual([true, false, false]);
    expect(judged[1]).toMatchObject({ index: 1, externalId: 'B', problems: [{ field: 'gtin', message: 'has a wrong check digit' }] });
    expect(judged[2]).toMatchObject({ index: 2, externalId: 'C', problems: [{ field: 'shelfLifeDays' }] });
  });

  it('refuses a row whose trimmed id or unique field repeats an earlier row', () => {
    const judged = judgeRows([item('A', '09506000134352'), item(' A ', '09506000134369'), item('C', '09506000134352')], ItemRecord, ['gtin']);
    expect(judged[1]).toMatchObject({ ok: false, externalId: 'A', problems: [{ field: 'externalId', message: 'repeats row 0 of this batch' }] });
    expect(judged[2]).toMatchObject({ ok: false, problems: [{ field: 'gtin', message: 'repeats row 0 of this batch' }] });
  });

  it('keeps the id as sent when it cannot be read, for the report', () => {
    const judged = judgeRows([item('ＡＢ', '09506000134352')], ItemRecord);
    expect(refusedRow(judged[0] as Extract<(typeof judged)[0], { ok: false }>)).toMatchObject({ index: 0, externalId: 'ＡＢ', outcome: 'error', field: 'externalId' });
  });

  it('names the line and field of an order', () => {
    const judged = judgeRows(
      [{ externalId: 'PO1', number: 'PO-1', supplier: 'S1', lines: [{ line: 1, item: 'A', qty: 1 }, { line: 1, item: 'B', qty: 0 }] }],
      PurchaseOrderRecord,
    );
    expect(judged[0]!.ok).toBe(false);
    expect(judged[0]!.ok ? [] : judged[0]!.problems.map((p) => p.field)).toEqual(['lines.1.qty', 'lines.1.line']);
  });

  it('tells created, updated and unchanged apart whatever the key order', () => {
    expect(outcomeFor(undefined, { a: 1 })).toBe('created');
    expect(outcomeFor({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe('unchanged');
    expect(outcomeFor({ a: 1 }, { a: 2 })).toBe('updated');
  });

  it('counts outcomes', () => {
    expect(summarise([{ index: 0, externalId: 'a', outcome: 'created' }, { index: 1, externalId: null, outcome: 'error' }])).toEqual({ rows: 2, created: 1, updated: 0, unchanged: 0, pending: 0, errors: 1 });
  });
});

describe('idempotency', () => {
  it('recognises the same body in another key order and tells a changed one apart', () => {
    expect(requestFingerprint('PUT /x', { a: 1, b: { c: 2, d: 3 } })).toBe(requestFingerprint('PUT /x', { b: { d: 3, c: 2 }, a: 1 }));
    expect(requestFingerprint('PUT /x', { a: 1 })).not.toBe(requestFingerprint('PUT /x', { a: 2 }));
    expect(requestFingerprint('PUT /x', { a: 1 })).not.toBe(requestFingerprint('PUT /y', { a: 1 }));
  });

  it('replays the first answer, or refuses a different request', () => {
    const stored = { route: 'PUT /x', requestHash: 'h1', status: 201, body: { id: 1 } };
    expect(judgeReplay(stored, 'PUT /x', 'h1')).toEqual({ kind: 'replay', status: 201, body: { id: 1 } });
    expect(judgeReplay(stored, 'PUT /x', 'h2')).toEqual({ kind: 'mismatch', firstRoute: 'PUT /x' });
  });
});
