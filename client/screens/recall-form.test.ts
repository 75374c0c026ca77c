import { describe, expect, it } from 'vitest';
import { openingGaps } from '../../domain/recall';
import { accountedPercent, emptyRecallForm, emptyScope, fieldProblems, recallBody, scopeFromScan, scopeInputOf, termsOfBody, type RecallForm } from './recall-form';

const GS = String.fromCharCode(29);

describe('scopeInputOf', () => {
  it.each([
    ['a lot alone', { kind: 'lot', lotNumber: ' S24110701 ' }, { kind: 'lot', lotNumber: 'S24110701' }],
    ['a lot with its GTIN', { kind: 'lot', lotNumber: 'S24110701', gtin: '06901234000016' }, { kind: 'lot', lotNumber: 'S24110701', gtin: '06901234000016' }],
    ['a component lot', { kind: 'component_lot', lotNumber: 'PP2410A' }, { kind: 'component_lot', lotNumber: 'PP2410A' }],
    ['a lot without its number', { kind: 'lot', gtin: '06901234000016' }, null],
    ['a serial with its GTIN', { kind: 'serial', gtin: '06901234000054', serial: 'CV0001' }, { kind: 'serial', gtin: '06901234000054', serial: 'CV0001' }],
    ['a serial without a GTIN', { kind: 'serial', serial: 'CV0001' }, null],
    ['a supplier lot', { kind: 'supplier_lot', supplierLot: 'NB-77812' }, { kind: 'supplier_lot', supplierLot: 'NB-77812' }],
    ['a supplier lot of one supplier', { kind: 'supplier_lot', supplierLot: 'NB-77812', supplier: 'Ningbo Polymer Co.' }, { kind: 'supplier_lot', supplierLot: 'NB-77812', supplier: 'Ningbo Polymer Co.' }],
    ['an empty supplier lot', { kind: 'supplier_lot', supplier: 'Ningbo Polymer Co.' }, null],
    ['a lot with its whole family', { kind: 'lot', lotNumber: 'S24110701', family: true }, { kind: 'lot', lotNumber: 'S24110701', family: true }],
    ['a supplier lot with its whole family', { kind: 'supplier_lot', supplierLot: 'NB-77812', family: true }, { kind: 'supplier_lot', supplierLot: 'NB-77812', family: true }],
    ['the whole family of nothing', { kind: 'serial', serial: 'CV0001', family: true }, null],
  ] as const)('%s', (_name, fields, expected) => {
    expect(scopeInputOf({ ...emptyScope(), ...fields })).toEqual(expected);
  });
});

describe('scopeFromScan', () => {
  it.each([
    ['a lot label', ']d20106901234000016172912311' + '0S24110701', { kind: 'lot', lotNumber: 'S24110701', gtin: '06901234000016' }],
    ['a label with lot and serial', `]d2010690123400005421CV0001${GS}10C2411`, { kind: 'lot', lotNumber: 'C2411', gtin: '06901234000054' }],
    ['a serial label', ']d2010690123400005421CV0001', { kind: 'serial', gtin: '06901234000054', serial: 'CV0001' }],
    ['a location barcode', 'A-01-01', null],
    ['a GTIN alone', ']d20106901234000016', null],
  ] as const)('%s', (_name, scan, expected) => {
    expect(scopeFromScan(scan)).toEqual(expected === null ? null : { ...emptyScope(), ...expected });
  });
});

describe('recallBody', () => {
  const scope = { kind: 'lot', lotNumber: 'S24110701' } as const;
  const form = (change: Partial<RecallForm>): RecallForm => ({ ...emptyRecallForm(), reason: 'Seal leak', ...change });

  it('sends a class only for a jurisdiction that is ticked', () => {
    const body = recallBody(form({ jurisdictions: ['CN'], fda: 'II', nmpa: 2, euFsca: true }), scope);
    expect(body.classes).toEqual({ fda: null, nmpa: 2, euFsca: false });
  });

  it.each([
    ['no level', { level: '', percent: '40' }, null],
    ['level A ignores a typed percent', { level: 'A', percent: '40' }, { level: 'A', percent: null }],
    ['level B with its percent', { level: 'B', percent: '40' }, { level: 'B', percent: 40 }],
    ['level B without a percent, for the server to refuse', { level: 'B', percent: ' ' }, { level: 'B', percent: null }],
    ['level B with a fraction, for the server to refuse', { level: 'B', percent: '12.5' }, { level: 'B', percent: 12.5 }],
  ] as const)('effectiveness: %s', (_name, change, expected) => {
    expect(recallBody(form(change), scope).effectiveness).toEqual(expected);
  });

  it('leaves an unset depth unset and keeps the scope and drill flag', () => {
    const body = recallBody(form({ drill: true }), scope);
    expect(body).toMatchObject({ depth: null, drill: true, scope, reason: 'Seal leak', jurisdictions: [] });
  });
});

describe('fieldProblems', () => {
  const refusal = (status: number, code: string, details: Record<string, unknown> = {}) => ({ status, code, message: `${code} message`, details });

  it.each([
    [
      'schema issues, in the form field names',
      refusal(400, 'invalid_request', {
        issues: [
          { field: 'body.reason', message: 'is required' },
          { field: 'body.effectiveness.percent', message: 'Expected integer' },
          { field: 'body.scope.lotNumber', message: 'is required' },
        ],
      }),
      [
        { field: 'reason', code: 'invalid', message: 'is required' },
        { field: 'effectiveness.percent', code: 'invalid', message: 'Expected integer' },
        { field: 'scope', code: 'invalid', message: 'is required' },
      ],
    ],
    [
      'contradicting terms',
      refusal(422, 'invalid_terms', { problems: [{ field: 'classes.fda', code: 'invalid', message: 'an FDA class needs the US among the jurisdictions' }] }),
      [{ field: 'classes.fda', code: 'invalid', message: 'an FDA class needs the US among the jurisdictions' }],
    ],
    [
      'what a case lacks to open',
      refusal(422, 'transition_refused', {
        code: 'not_ready',
        gaps: [
          { field: 'depth', code: 'required', message: 'the depth (wholesale, retail or user)' },
          { field: 'strategy', code: 'required', message: 'the recall strategy' },
        ],
      }),
      [
        { field: 'depth', code: 'required', message: 'the depth (wholesale, retail or user)' },
        { field: 'strategy', code: 'required', message: 'the recall strategy' },
      ],
    ],
    ['a scope that matches nothing', refusal(404, 'scope_not_found'), [{ field: 'scope', code: 'scope_not_found', message: 'scope_not_found message' }]],
    ['a lot held by another case', refusal(409, 'lot_in_open_recall'), [{ field: 'scope', code: 'lot_in_open_recall', message: 'lot_in_open_recall message' }]],
    ['a wrong password, which has no field', refusal(401, 'invalid_credentials'), []],
    ['a refused step without gaps', refusal(422, 'transition_refused', { code: 'not_allowed' }), []],
  ] as const)('%s', (_name, error, expected) => {
    expect(fieldProblems(error)).toEqual(expected);
  });
});

describe('termsOfBody', () => {
  it('gives the opening rule what the server will judge: a complete form has no gaps, an empty one lacks every term', () => {
    const complete: RecallForm = {
      ...emptyRecallForm(),
      reason: 'Seal leak',
      healthHazard: 'Air embolism risk',
      jurisdictions: ['US', 'CN'],
      fda: 'II',
      nmpa: 2,
      depth: 'user',
      strategy: 'Letters to every consignee',
      level: 'B',
      percent: '40',
    };
    const scope = { kind: 'lot', lotNumber: 'S24110701' } as const;
    expect(openingGaps(termsOfBody(recallBody(complete, scope)))).toEqual([]);
    expect(openingGaps(termsOfBody(recallBody(emptyRecallForm(), scope))).map((g) => g.field)).toEqual(['reason', 'healthHazard', 'jurisdictions', 'depth', 'strategy', 'effectiveness']);
    expect(openingGaps(termsOfBody(recallBody({ ...complete, nmpa: '' }, scope))).map((g) => `${g.field} ${g.code}`)).toEqual(['classes.nmpa required']);
  });
});

describe('accountedPercent', () => {
  it.each([
    [2500, 0, 100],
    [12000, 2500, 79.2],
    [3, 1, 66.7],
    [100, -2500, 2600],
    [0, 0, null],
  ])('%d brought in, %d unaccounted: %s %%', (broughtIn, unaccounted, expected) => {
    expect(accountedPercent(broughtIn, unaccounted)).toBe(expected);
  });
});
