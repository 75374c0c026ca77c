import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileTemplate, readZplFields } from '../../domain/labels';
import { templateHash } from '../render';
import { TemplateLoadError, listTemplates, loadTemplate } from '.';

const data = { gtin: '09506000134352', lot: 'ABC123', expiry: '2026-12-31', serial: 'S1', mfgDate: '2025-01-15', qty: 12, itemName: '注射器' };

describe('starter templates', () => {
  it('are listed by name', async () => {
    expect(await listTemplates()).toEqual(['carton-zpl', 'lot-gs1', 'lot-rfid', 'udi-nmpa']);
  });

  it.each(['carton-zpl', 'lot-gs1', 'lot-rfid', 'udi-nmpa'])('%s loads, passes the check and makes a label with quality-200 GS1 barcodes', async (name) => {
    const template = await loadTemplate(name);
    expect(template.name).toBe(name);
    // The server knows company prefix lengths from GS1's table; 9506000 is a 7-digit prefix.
    const made = compileTemplate(template, { referenceYear: 2026, prefixLengthOf: () => 7 })(data);
    expect(made.ok).toBe(true);
    const barcodes = readZplFields(made.ok ? made.zpl : '').filter((f) => f.kind !== 'text');
    expect(barcodes.length).toBeGreaterThan(0);
    for (const barcode of barcodes) {
      if (barcode.kind === 'datamatrix') expect(barcode.params[2]).toBe('200');
      if (barcode.kind === 'datamatrix' || barcode.kind === 'code128') expect(barcode.gs1).toBe(true);
    }
  });

  it('lot-rfid writes the unit SGTIN into the tag and reads it back', async () => {
    const made = compileTemplate(await loadTemplate('lot-rfid'), { referenceYear: 2026, prefixLengthOf: () => 7 })(data);
    expect(made).toMatchObject({ ok: true, epc: expect.stringMatching(/^36/) });
    expect(made.ok && made.zpl).toContain(`^RFW,H,,,A^FD${made.ok ? made.epc : ''}^FS`);
    expect(made.ok && made.zpl).toContain('^HV1,52,EPC[');
  });

  it('loads a template from a file path', async () => {
    const file = fileURLToPath(new URL('./lot-gs1.json', import.meta.url));
    expect((await loadTemplate(file)).name).toBe('lot-gs1');
  });

  it.each([
    ['an unknown name', 'no-such-template', 'unknown', "no template 'no-such-template' (starter templates: carton-zpl, lot-gs1, lot-rfid, udi-nmpa)"],
    ['a missing file', '/nonexistent/label.json', 'unknown', 'cannot read template /nonexistent/label.json: no such file'],
  ])('refuses %s', async (_case, ref, problem, message) => {
    await expect(loadTemplate(ref)).rejects.toMatchObject({ name: 'TemplateLoadError', problem, message });
  });

  it('refuses a file that is not JSON, or not a valid template', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lotline-templates-'));
    await writeFile(join(dir, 'broken.json'), '{ "kind": ');
    await writeFile(join(dir, 'invalid.json'), JSON.stringify({ kind: 'zpl', name: 'x', dpi: 203, widthIn: 4, heightIn: 2, zpl: '^XA^FO1,1^FD{{lott}}^FS' }));
    await expect(loadTemplate(join(dir, 'broken.json'))).rejects.toBeInstanceOf(TemplateLoadError);
    await expect(loadTemplate(join(dir, 'broken.json'))).rejects.toMatchObject({ problem: 'not-json' });
    await expect(loadTemplate(join(dir, 'invalid.json'))).rejects.toMatchObject({ problem: 'invalid', message: `template ${join(dir, 'invalid.json')}: line 1: {{lott}} is not a label field` });
  });

  it('hash by content: key order does not matter, any change does', async () => {
    const template = await loadTemplate('lot-gs1');
    const reordered = Object.fromEntries(Object.entries(template).reverse()) as typeof template;
    expect(templateHash(reordered)).toBe(templateHash(template));
    expect(templateHash({ ...template, dpi: 300 })).not.toBe(templateHash(template));
    expect(templateHash(template)).toMatch(/^[0-9a-f]{64}$/);
  });
});
