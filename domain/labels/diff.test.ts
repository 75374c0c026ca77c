import { describe, expect, it } from 'vitest';
import { checkTemplate } from './check-template';
import { canonicalJson, diffTemplates, formatTemplateDiff } from './diff';
import type { LabelTemplate } from './template';

const template = (input: unknown): LabelTemplate => {
  const checked = checkTemplate(input);
  if (!checked.ok) throw new Error(checked.problems.join('; '));
  return checked.template;
};
const base = {
  kind: 'layout',
  name: 'lot',
  dpi: 203,
  widthIn: 4,
  heightIn: 2,
  elements: [
    { type: 'datamatrix', id: 'dm', x: 24, y: 24, module: 5, fields: ['gtin', 'expiry', 'lot'] },
    { type: 'text', x: 232, y: 24, height: 26, text: 'LOT {{lot}}' },
    { type: 'line', x: 0, y: 200, length: 800 },
  ],
};

describe('diffTemplates', () => {
  it('finds nothing between a template and itself, whatever the key order', () => {
    const reordered = { elements: base.elements, heightIn: 2, widthIn: 4, dpi: 203, name: 'lot', kind: 'layout' };
    expect(diffTemplates(template(base), template(reordered))).toEqual([]);
    expect(canonicalJson(template(base))).toBe(canonicalJson(template(reordered)));
  });

  it('shows a moved text as one change, an element added, one removed, and a new size', () => {
    const after = template({
      ...base,
      dpi: 300,
      widthIn: undefined,
      heightIn: undefined,
      widthDots: 1200,
      heightDots: 600,
      elements: [
        { ...base.elements[0], fields: ['gtin', 'expiry', 'lot', 'serial'] },
        { type: 'text', x: 232, y: 28, height: 26, text: 'LOT {{lot}}' },
        { type: 'box', x: 0, y: 0, width: 100, height: 100 },
      ],
    });
    const changes = diffTemplates(template(base), after);
    expect(changes).toEqual([
      { change: 'changed', path: 'dpi', before: 203, after: 300 },
      { change: 'changed', path: 'size', before: '812x406 dots', after: '1200x600 dots' },
      { change: 'changed', path: "elements[0] (datamatrix 'dm').fields", before: ['gtin', 'expiry', 'lot'], after: ['gtin', 'expiry', 'lot', 'serial'] },
      { change: 'changed', path: 'elements[1] (text).y', before: 24, after: 28 },
      { change: 'removed', path: 'elements[2] (line)', before: expect.objectContaining({ type: 'line' }) },
      { change: 'added', path: 'elements[2] (box)', after: expect.objectContaining({ type: 'box' }) },
    ]);
    expect(formatTemplateDiff(changes).split('\n')).toEqual([
      '~ dpi: 203 -> 300',
      '~ size: 812x406 dots -> 1200x600 dots',
      `~ elements[0] (datamatrix 'dm').fields: ["gtin","expiry","lot"] -> ["gtin","expiry","lot","serial"]`,
      '~ elements[1] (text).y: 24 -> 28',
      '- elements[2] (line): {"direction":"horizontal","length":800,"thickness":2,"type":"line","x":0,"y":200}',
      '+ elements[2] (box): {"height":100,"rounding":0,"thickness":2,"type":"box","width":100,"x":0,"y":0}',
    ]);
  });

  it('diffs raw ZPL line by line', () => {
    const zpl = (lines: string[]) => template({ kind: 'zpl', name: 'c', dpi: 203, widthIn: 4, heightIn: 3, zpl: lines });
    const before = zpl(['^XA', '^FO30,30^A0N,28,28^FDLOT {{lot}}^FS', '^XZ']);
    const after = zpl(['^XA', '^FO30,40^A0N,28,28^FDLOT {{lot}}^FS', '^FO30,80^A0N,28,28^FDEXP {{expiry}}^FS', '^XZ']);
    expect(formatTemplateDiff(diffTemplates(before, after))).toBe(
      ['- line 2: ^FO30,30^A0N,28,28^FDLOT {{lot}}^FS', '+ line 2: ^FO30,40^A0N,28,28^FDLOT {{lot}}^FS', '+ line 3: ^FO30,80^A0N,28,28^FDEXP {{expiry}}^FS'].join('\n'),
    );
  });
});
