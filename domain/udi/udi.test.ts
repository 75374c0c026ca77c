import { describe, expect, it } from 'vitest';
import { judgePublishedEdit, isRegulatedChange } from './change-control';
import { diffRecords } from './diff';
import type { UdiDeviceRecord } from './record';
import { STENT } from './test-record';
import { validateForSubmission } from './validate';

const edit = (change: Partial<UdiDeviceRecord>): UdiDeviceRecord => ({
  ...STENT,
  ...change,
});
const [UNIT, BOX, CASE] = STENT.packages.map((p) => p.udiDi) as [string, string, string];

describe('diffRecords', () => {
  it('names a changed EUDAMED characteristic, reading a version stored without them as unanswered', () => {
    expect(diffRecords(STENT, { ...STENT, eudamed: { ...STENT.eudamed!, active: true } })).toEqual([{ field: 'eudamed.active', rule: 'eudamed.active', before: false, after: true }]);
    const { eudamed: _none, ...older } = STENT;
    expect(diffRecords(older, STENT).map((c) => c.field)).toEqual(['eudamed.type', 'eudamed.implantable', 'eudamed.active', 'eudamed.measuringFunction', 'eudamed.reusableSurgicalInstrument', 'eudamed.administeringMedicine', 'eudamed.medicinalProduct', 'eudamed.humanBloodProduct', 'eudamed.humanTissuesCells', 'eudamed.animalTissuesCells']);
    expect(diffRecords(older, { ...older })).toEqual([]);
  });

  it('is empty between a record and its copy, and ignores the order of package levels', () => {
    expect(diffRecords(STENT, structuredClone(STENT))).toEqual([]);
    expect(diffRecords(STENT, edit({ packages: [...STENT.packages].reverse() }))).toEqual([]);
  });

  it('names each changed field, nested ones by path and package levels by their DI', () => {
    const after = edit({
      storage: 'Store below 25 °C',
      nmpa: { ...STENT.nmpa, productName: '药物洗脱支架' },
      packages: [STENT.packages[0]!, { ...STENT.packages[1]!, quantity: 20 }, { udiDi: '30614141000013', quantity: 2, contains: CASE }],
    });
    expect(diffRecords(STENT, after)).toEqual([
      {
        field: 'nmpa.productName',
        rule: 'nmpa.productName',
        before: STENT.nmpa.productName,
        after: '药物洗脱支架',
      },
      {
        field: 'storage',
        rule: 'storage',
        before: STENT.storage,
        after: 'Store below 25 °C',
      },
      {
        field: `packages[${BOX}].quantity`,
        rule: 'packages.quantity',
        before: 10,
        after: 20,
      },
      {
        field: `packages[${CASE}]`,
        rule: 'packages.removed',
        before: STENT.packages[2],
        after: null,
      },
      {
        field: 'packages[30614141000013]',
        rule: 'packages.added',
        before: null,
        after: { udiDi: '30614141000013', quantity: 2, contains: CASE },
      },
    ]);
  });
});

describe('judgePublishedEdit', () => {
  it.each<[string, Partial<UdiDeviceRecord>]>([
    ['status', { status: 'recalled' }],
    ['description', { description: 'Coronary stent, drug-eluting' }],
    ['catalogNumber', { catalogNumber: 'CAT-3012-B' }],
  ])('lets %s change on a published record', (_field, change) => {
    const judged = judgePublishedEdit(STENT, edit(change));
    expect(judged.ok).toBe(true);
  });

  it.each<[string, Partial<UdiDeviceRecord>, string[]]>([
    ['brandName', { brandName: 'Stent A Plus' }, ['GUDID', 'EUDAMED']],
    ['modelNumber', { modelNumber: 'SA-3015' }, ['GUDID', 'EUDAMED', 'NMPA']],
    ['clinicalSize', { clinicalSize: '3.0 mm × 15 mm' }, ['GUDID', 'EUDAMED']],
    ['sterile', { sterile: false }, ['GUDID', 'EUDAMED']],
    ['singleUse', { singleUse: false }, ['GUDID', 'EUDAMED']],
    ['containsLatex', { containsLatex: true }, ['GUDID', 'EUDAMED']],
    ['nmpa.registrationNumber', { nmpa: { ...STENT.nmpa, registrationNumber: '国械注准20243130999' } }, ['NMPA']],
    ['nmpa.classification', { nmpa: { ...STENT.nmpa, classification: 'II' } }, ['NMPA']],
  ])('refuses %s with new_di_required naming the field and the regulators', (field, change, jurisdictions) => {
    const judged = judgePublishedEdit(STENT, edit(change));
    expect(judged).toMatchObject({
      ok: false,
      code: 'new_di_required',
      field,
      jurisdictions,
    });
    if (judged.ok) return;
    expect(judged.proposal.replaceUdiDis.sort()).toEqual([UNIT, BOX, CASE].sort());
    expect(judged.proposal.record).toEqual(edit(change));
  });

  it('asks a new DI only of the changed level and the levels that hold it', () => {
    const judged = judgePublishedEdit(
      STENT,
      edit({
        packages: [STENT.packages[0]!, { ...STENT.packages[1]!, quantity: 12 }, STENT.packages[2]!],
      }),
    );
    expect(judged).toMatchObject({
      ok: false,
      field: `packages[${BOX}].quantity`,
      proposal: { replaceUdiDis: [BOX, CASE], newBasicUdiDi: false },
    });
  });

  it('asks a new Basic UDI-DI when what defines the model changes', () => {
    expect(judgePublishedEdit(STENT, edit({ euRiskClass: 'IIb' }))).toMatchObject({ ok: false, proposal: { newBasicUdiDi: true } });
  });

  it('lets a new package level be added: it brings its own DI', () => {
    const judged = judgePublishedEdit(
      STENT,
      edit({
        packages: [...STENT.packages, { udiDi: '30614141000013', quantity: 4, contains: CASE }],
      }),
    );
    expect(judged.ok).toBe(true);
    if (judged.ok) expect(judged.changes.every(isRegulatedChange)).toBe(true);
  });

  it('lists every refused field, the first one named', () => {
    const judged = judgePublishedEdit(STENT, edit({ brandName: 'B', modelNumber: 'M' }));
    expect(judged).toMatchObject({
      ok: false,
      field: 'brandName',
      refused: [{ field: 'brandName' }, { field: 'modelNumber' }],
    });
  });
});

describe('validateForSubmission', () => {
  it('finds nothing wrong with a complete record in any jurisdiction', () => {
    expect(validateForSubmission(STENT, ['GUDID', 'EUDAMED', 'NMPA'])).toEqual([]);
  });

  it.each<[string, Partial<UdiDeviceRecord>, string, string, 'missing' | 'invalid']>([
    ['GUDID', { gmdnCode: null }, 'gmdnCode', '', 'missing'],
    ['GUDID', { gmdnCode: '4792１' }, 'gmdnCode', '', 'invalid'],
    ['GUDID', { labelerDuns: '12345678' }, 'labelerDuns', '', 'invalid'],
    [
      'GUDID',
      {
        productionIdentifiers: {
          lot: false,
          serial: false,
          manufactureDate: false,
          expiry: false,
        },
      },
      'productionIdentifiers',
      '',
      'missing',
    ],
    ['EUDAMED', { basicUdiDi: '0614141STENT-AXX' }, 'basicUdiDi', '', 'invalid'],
    ['EUDAMED', { emdnCode: null }, 'emdnCode', '', 'missing'],
    ['EUDAMED', { manufacturerSrn: 'DE-MF-12345' }, 'manufacturerSrn', '', 'invalid'],
    ['EUDAMED', { euRiskClass: null }, 'euRiskClass', '', 'missing'],
    ['NMPA', { nmpa: { ...STENT.nmpa, registrationNumber: null } }, 'nmpa.registrationNumber', '', 'missing'],
    ['NMPA', { nmpa: { ...STENT.nmpa, registrationNumber: '沪械备20230001' } }, 'nmpa.registrationNumber', '', 'invalid'],
    ['NMPA', { nmpa: { ...STENT.nmpa, classificationCode: '1306' } }, 'nmpa.classificationCode', '', 'invalid'],
    ['NMPA', { descriptionZh: null }, 'descriptionZh', '', 'missing'],
    ['GUDID', { packages: [{ udiDi: '00614141000013', quantity: 1, contains: null }] }, 'packages[00614141000013].udiDi', '00614141000013', 'invalid'],
    ['NMPA', { packages: [{ udiDi: '０0614141000012', quantity: 1, contains: null }] }, 'packages[０0614141000012].udiDi', '０0614141000012', 'invalid'],
    ['EUDAMED', { packages: [{ ...STENT.packages[0]!, quantity: 0 }] }, `packages[${UNIT}].quantity`, UNIT, 'invalid'],
    [
      'GUDID',
      {
        packages: [STENT.packages[0]!, { ...STENT.packages[1]!, contains: '99999999999994' }],
      },
      `packages[${BOX}].contains`,
      BOX,
      'invalid',
    ],
    ['GUDID', { packages: [STENT.packages[1]!] }, 'packages', '', 'invalid'],
  ])('%s: %o gives %s %s', (jurisdiction, change, field, udiDi, problem) => {
    const found = validateForSubmission(edit(change), [jurisdiction as 'GUDID']);
    expect(found).toContainEqual(
      expect.objectContaining({
        jurisdiction,
        field,
        problem,
        udiDi: udiDi === '' ? null : udiDi,
      }),
    );
  });

  it('reports each regulator apart, for the same missing field', () => {
    const found = validateForSubmission(edit({ modelNumber: ' ' }), ['GUDID', 'EUDAMED', 'NMPA']);
    expect(found.filter((f) => f.field === 'modelNumber').map((f) => f.jurisdiction)).toEqual(['GUDID', 'EUDAMED', 'NMPA']);
  });
});
