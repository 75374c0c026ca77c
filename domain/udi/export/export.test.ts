import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { UdiDeviceRecord } from '../record';
import { STENT } from '../test-record';
import { eudamedDeviceXml } from './eudamed';
import { gudidSpl } from './gudid-spl';
import { nmpaExport } from './nmpa';
import { nmpaWorkbook } from './nmpa-xlsx';

const golden = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, 'golden', name), 'utf8'));

describe('NMPA UDI database export (YY/T 1753 data items)', () => {
  it('gives the entry written by hand from the data items, package levels from the minimum sales unit out', () => {
    expect(nmpaExport(STENT, '2026-12-01')).toEqual({ ok: true, document: golden('nmpa-stent.json') });
  });

  it('does not export a record the pre-submission check finds fault with', () => {
    const result = nmpaExport({ ...STENT, nmpa: { ...STENT.nmpa, registrantName: null } }, '2026-12-01');
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ jurisdiction: 'NMPA', field: 'nmpa.registrantName', problem: 'missing' })] });
  });

  it('orders levels by what they contain, not by where they are listed', () => {
    const result = nmpaExport({ ...STENT, packages: [...STENT.packages].reverse() }, '2026-12-01');
    expect(result.ok && result.document.packages.map((p) => p.BZCPBS)).toEqual(['10614141000019', '20614141000016']);
  });
});

describe('GUDID HL7 SPL export', () => {
  const header = { documentId: '5b0c1d8e-2f3a-4c4b-9d6e-7f8091a2b3c4', setId: '0a1b2c3d-4e5f-4061-8273-948596a7b8c9', version: 2, effectiveDate: '20261201' };

  it('writes one document per Primary DI, the package levels nested inside out, as the hand-written golden file', () => {
    const result = gudidSpl(STENT, header);
    expect(result).toEqual({ ok: true, document: { fileName: '00614141000012.xml', xml: readFileSync(join(import.meta.dirname, 'golden', 'gudid-00614141000012.xml'), 'utf8') } });
  });

  it('escapes what XML would read as markup', () => {
    const result = gudidSpl({ ...STENT, brandName: 'A&B <Stent> "Plus"' }, header);
    expect(result.ok && result.document.xml).toContain('<name>A&amp;B &lt;Stent&gt; &quot;Plus&quot;</name>');
  });

  it('does not write a record GUDID would refuse', () => {
    expect(gudidSpl({ ...STENT, labelerDuns: null }, header)).toMatchObject({ ok: false, problems: [{ jurisdiction: 'GUDID', field: 'labelerDuns' }] });
  });
});

describe('EUDAMED UDI/Device bulk upload (DTX XML)', () => {
  const header = { messageId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f', correlationId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', createdAt: '2026-12-01T09:30:00Z' };
  const problemsOf = (record: UdiDeviceRecord) => {
    const result = eudamedDeviceXml(record, header);
    return result.ok ? [] : result.problems.map((p) => [p.field, p.problem]);
  };

  it('writes the Basic UDI-DI and UDI-DI data as the golden file checked by hand', () => {
    expect(eudamedDeviceXml(STENT, header)).toEqual({
      ok: true,
      document: { fileName: 'eudamed-00614141000012.xml', xml: readFileSync(join(import.meta.dirname, 'golden', 'eudamed-00614141000012.xml'), 'utf8') },
    });
  });

  it('refuses a record without EMDN code and risk class, listing each field', () => {
    expect(problemsOf({ ...STENT, emdnCode: null, euRiskClass: null })).toEqual([
      ['emdnCode', 'missing'],
      ['euRiskClass', 'missing'],
    ]);
  });

  it.each<[string, Partial<UdiDeviceRecord>, [string, string][]]>([
    ['no production identifier', { productionIdentifiers: { lot: false, serial: false, manufactureDate: false, expiry: false } }, [['productionIdentifiers', 'missing']]],
    ['an SRN of an importer, not a manufacturer', { manufacturerSrn: 'DE-IM-000012345' }, [['manufacturerSrn', 'invalid']]],
    ['an EMDN code in lower case', { emdnCode: 'p0704' }, [['emdnCode', 'invalid']]],
    ['a NUL in the trade name', { brandName: 'Stent\u0000A' }, [['brandName', 'invalid']]],
    ['a lone surrogate in the description', { description: 'stent \ud800' }, [['description', 'invalid']]],
    ['U+FFFE in the catalogue number', { catalogNumber: 'CAT\ufffe' }, [['catalogNumber', 'invalid']]],
  ])('refuses %s, naming the field', (_what, change, expected) => {
    expect(problemsOf({ ...STENT, ...change })).toEqual(expected);
  });

  it('names the character XML 1.0 cannot carry', () => {
    const result = eudamedDeviceXml({ ...STENT, description: 'a\u0001b' }, header);
    expect(result).toMatchObject({ ok: false, problems: [{ jurisdiction: 'EUDAMED', field: 'description', message: expect.stringContaining('U+0001') }] });
  });

  it('escapes markup, keeps full-width and astral characters, and writes very long text whole', () => {
    const long = 'Ｓｔｅｎｔ 𝛼 '.repeat(500);
    const result = eudamedDeviceXml({ ...STENT, brandName: 'A&B <Stent> "Plus"', description: long }, header);
    expect(result.ok && result.document.xml).toContain('<lsn:textValue>A&amp;B &lt;Stent&gt; &quot;Plus&quot;</lsn:textValue>');
    expect(result.ok && result.document.xml).toContain(`<lsn:textValue>${long}</lsn:textValue>`);
  });

  it.each<[UdiDeviceRecord['status'], string]>([
    ['in_distribution', 'ON_THE_MARKET'],
    ['recalled', 'ON_THE_MARKET'],
    ['not_in_distribution', 'NO_LONGER_PLACED_ON_THE_MARKET'],
  ])('reports status %s as %s', (status, code) => {
    const result = eudamedDeviceXml({ ...STENT, status }, header);
    expect(result.ok && result.document.xml).toContain(`<commondi:code>${code}</commondi:code>`);
  });

  it('states no reuse count for a reusable device and omits absent levels', () => {
    const result = eudamedDeviceXml({ ...STENT, singleUse: false, packages: [STENT.packages[0]!] }, header);
    expect(result.ok && result.document.xml).not.toMatch(/numberOfReuses|containerPackages/);
  });

  it("writes EUDAMED's reusable from the class Ir answer, not from single use", () => {
    const forceps = { ...STENT, euRiskClass: 'I' as const, singleUse: false, eudamed: { ...STENT.eudamed!, implantable: false, medicinalProduct: false, reusableSurgicalInstrument: true } };
    const result = eudamedDeviceXml(forceps, header);
    expect(result.ok && result.document.xml).toContain('<commondi:reusable>true</commondi:reusable>');
    expect(result.ok && result.document.xml).toContain('<commondi:implantable>false</commondi:implantable>');
    expect(result.ok && result.document.xml).not.toContain('IIb_implantable_exceptions');
  });

  it('writes the Art. 52(4) answer for an implantable class IIb device, after humanProductCheck', () => {
    const screw = { ...STENT, euRiskClass: 'IIb' as const, eudamed: { ...STENT.eudamed!, medicinalProduct: false, iibImplantableException: true } };
    const result = eudamedDeviceXml(screw, header);
    expect(result.ok).toBe(true);
    const xml = result.ok ? result.document.xml : '';
    expect(xml).toMatch(/<basicudi:humanProductCheck>false<\/basicudi:humanProductCheck>\n\s*<basicudi:IIb_implantable_exceptions>true<\/basicudi:IIb_implantable_exceptions>\n\s*<basicudi:medicinalProductCheck>false/);
  });

  it('refuses a record whose Basic UDI-DI characteristics are unanswered, naming each; an older version without them too', () => {
    const { eudamed: _none, ...older } = STENT;
    expect(problemsOf(older)).toEqual([
      ['eudamed.type', 'missing'],
      ['eudamed.implantable', 'missing'],
      ['eudamed.active', 'missing'],
      ['eudamed.measuringFunction', 'missing'],
      ['eudamed.reusableSurgicalInstrument', 'missing'],
      ['eudamed.administeringMedicine', 'missing'],
      ['eudamed.medicinalProduct', 'missing'],
      ['eudamed.humanBloodProduct', 'missing'],
      ['eudamed.humanTissuesCells', 'missing'],
      ['eudamed.animalTissuesCells', 'missing'],
    ]);
    expect(problemsOf({ ...STENT, eudamed: { ...STENT.eudamed!, active: null } })).toEqual([['eudamed.active', 'missing']]);
  });

  it.each([
    ['IIb', true, null, [['eudamed.iibImplantableException', 'missing']]],
    ['IIb', true, false, []],
    ['IIb', false, null, []],
    ['III', true, true, [['eudamed.iibImplantableException', 'invalid']]],
    ['IIa', false, false, [['eudamed.iibImplantableException', 'invalid']]],
  ] as const)('class %s implantable %s with Art. 52(4) answer %s: %j', (euRiskClass, implantable, iibImplantableException, problems) => {
    expect(problemsOf({ ...STENT, euRiskClass, eudamed: { ...STENT.eudamed!, implantable, iibImplantableException } })).toEqual(problems);
  });

  it('refuses a reusable surgical instrument outside class I (Art. 52(7)(c))', () => {
    expect(problemsOf({ ...STENT, eudamed: { ...STENT.eudamed!, reusableSurgicalInstrument: true } })).toEqual([['eudamed.reusableSurgicalInstrument', 'invalid']]);
  });
});

describe('NMPA UDID template (XLSX)', () => {
  /** The template's headers as the NMPA publishes them, written out here rather than read from the code under test. */
  const DEVICE_HEADERS: Record<string, string> = {
    最小销售单元产品标识: 'ZXXSDYCPBS',
    产品标识编码体系名称: 'CPBSBMTXMC',
    最小销售单元中使用单元的数量: 'ZXXSDYZSYDYSL',
    '产品名称/通用名称': 'CPMCTYMC',
    商品名称: 'SPMC',
    规格型号: 'GGXH',
    产品描述: 'CPMS',
    产品货号或编号: 'CPHHHBH',
    分类编码: 'FLBM',
    管理类别: 'GLLB',
    '医疗器械注册人/备案人名称': 'YLQXZCRBARMC',
    注册证编号或者备案凭证编号: 'ZCZBHHZBAPZBH',
    生产标识是否包含批号: 'SCBSSFBHPH',
    生产标识是否包含序列号: 'SCBSSFBHXLH',
    生产标识是否包含生产日期: 'SCBSSFBHSCRQ',
    生产标识是否包含失效日期: 'SCBSSFBHSXRQ',
    是否为一次性使用: 'SFWYCXSY',
    是否为无菌包装: 'SFWWJBZ',
    使用前是否需要进行灭菌: 'SYQSFXYJXMJ',
    特殊储存或操作条件: 'TSCCHCZTJ',
    特殊尺寸说明: 'TSCCSM',
    产品标识发布日期: 'CPBSFBRQ',
  };
  const PACKAGE_HEADERS: Record<string, string> = {
    最小销售单元产品标识: 'ZXXSDYCPBS',
    包装产品标识: 'BZCPBS',
    产品包装级别: 'CPBZJB',
    包装内含小一级包装产品标识: 'BZNHXYJBZCPBS',
    包装内含小一级产品标识数量: 'BZNHXYJCPBSSL',
  };
  const rowsOf = (ws: ExcelJS.Worksheet, headers: Record<string, string>) => {
    const names = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    expect(names.sort()).toEqual(Object.keys(headers).sort());
    const rows: Record<string, unknown>[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1);
      rows.push(Object.fromEntries(values.map((v, i) => [headers[(ws.getRow(1).values as unknown[])[i + 1] as string]!, v === '是' ? 1 : v === '否' ? 0 : v])));
    });
    return rows;
  };

  it.each<[string, UdiDeviceRecord]>([
    ['the stent', STENT],
    ['a device with empty optional items, full-width and very long text', { ...STENT, catalogNumber: null, storage: null, clinicalSize: null, descriptionZh: '支架（ＡＢＣ）'.repeat(300) }],
  ])('reads back %s as the JSON export, sheet by sheet', async (_what, record) => {
    const json = nmpaExport(record, '2026-12-01');
    if (!json.ok) throw new Error('the record should export');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await nmpaWorkbook(json.document)) as unknown as ExcelJS.Buffer);
    const { packages, ...device } = json.document;
    expect(rowsOf(workbook.getWorksheet('产品标识信息')!, DEVICE_HEADERS)).toEqual([device]);
    expect(rowsOf(workbook.getWorksheet('包装标识信息')!, PACKAGE_HEADERS)).toEqual(packages.map((p) => ({ ZXXSDYCPBS: device.ZXXSDYCPBS, ...p })));
  });
});
