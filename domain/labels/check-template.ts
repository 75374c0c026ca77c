import type { z } from 'zod';
import { scanPlaceholders } from './placeholders';
import { LabelTemplateSchema, labelSize, type LabelTemplate, type LayoutElement, type LayoutTemplate } from './template';
import { planZplTemplate } from './zpl-template-check';

export type TemplateCheck = { ok: true; template: LabelTemplate } | { ok: false; problems: string[] };

const pathText = (path: readonly PropertyKey[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

function schemaProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = pathText(issue.path) || 'template';
    if (issue.code === 'unrecognized_keys') return `${where}: unknown ${issue.keys.length > 1 ? 'properties' : 'property'} ${issue.keys.join(', ')}`;
    if (issue.code === 'invalid_union' && issue.path.at(-1) === 'type') return `${where}: unknown element type`;
    return `${where}: ${issue.message}`;
  });
}

function sizeProblems(template: LabelTemplate): string[] {
  const pairs = [
    ['widthDots', 'heightDots'],
    ['widthIn', 'heightIn'],
    ['widthMm', 'heightMm'],
  ] as const;
  const given = pairs.filter(([w, h]) => template[w] !== undefined || template[h] !== undefined);
  if (given.length !== 1) return ['size: give the label size once, as widthDots/heightDots, widthIn/heightIn or widthMm/heightMm'];
  const [w, h] = given[0]!;
  if (template[w] === undefined || template[h] === undefined) return [`size: ${template[w] === undefined ? w : h} is missing`];
  return [];
}

const describe = (element: LayoutElement, i: number) => `elements[${i}] (${element.type}${element.id ? ` '${element.id}'` : ''})`;

function elementProblems(template: LayoutTemplate): string[] {
  const { widthDots, heightDots } = labelSize(template);
  const problems: string[] = [];
  const ids = new Set<string>();
  template.elements.forEach((element, i) => {
    const where = describe(element, i);
    if (element.x >= widthDots || element.y >= heightDots) problems.push(`${where}: starts at ${element.x},${element.y}, outside the ${widthDots}x${heightDots}-dot label`);
    if (element.id !== undefined) {
      if (ids.has(element.id)) problems.push(`${where}: id '${element.id}' is used twice`);
      ids.add(element.id);
    }
    if ('fields' in element && new Set(element.fields).size !== element.fields.length) problems.push(`${where}: a field is listed twice`);
    switch (element.type) {
      case 'text': {
        const scan = scanPlaceholders(element.text);
        if (!scan.ok) problems.push(`${where}: ${scan.problem}`);
        else if (scan.placeholders.some((p) => p.kind === 'barcode')) problems.push(`${where}: barcode data ({{dataMatrix}}, {{gs1128}}, {{digitalLink}}) belongs in barcode elements`);
        if (element.maxLines !== undefined && element.maxWidth === undefined) problems.push(`${where}: maxLines needs maxWidth to wrap in`);
        if (element.align !== undefined && element.maxWidth === undefined) problems.push(`${where}: align needs maxWidth to align in`);
        break;
      }
      case 'qr-digital-link':
        if (!element.fields.includes('gtin')) problems.push(`${where}: a Digital Link needs gtin, its primary key`);
        break;
      case 'gs1-128': {
        const overflow = element.overflow;
        if (!overflow) break;
        if (overflow.shrinkTo !== undefined) {
          if (overflow.shrinkTo >= element.moduleWidth) problems.push(`${where}: overflow.shrinkTo must be narrower than moduleWidth ${element.moduleWidth}`);
          // GS1 General Specifications, healthcare symbol specification: X at least 0.250 mm.
          const mm = (overflow.shrinkTo * 25.4) / template.dpi;
          if (mm < 0.25 - 1e-9) problems.push(`${where}: overflow.shrinkTo ${overflow.shrinkTo} dots is ${mm.toFixed(3)} mm at ${template.dpi} dpi, under the GS1 minimum X-dimension of 0.250 mm`);
        }
        if (overflow.split) {
          const rowHeight = element.height + (element.humanReadable ? 6 + element.humanReadableHeight : 0);
          if (overflow.split.dy < rowHeight) problems.push(`${where}: overflow.split.dy ${overflow.split.dy} would draw the second symbol over the first (a row is ${rowHeight} dots)`);
          if (element.y + overflow.split.dy + rowHeight > heightDots) problems.push(`${where}: overflow.split puts the second symbol off the ${heightDots}-dot label`);
        }
        if (overflow.omit) {
          const carried = template.elements.some((e) => e.type === 'datamatrix' && element.fields.every((f) => e.fields.includes(f)));
          if (!carried) problems.push(`${where}: overflow.omit needs a DataMatrix on the label that carries ${element.fields.join(', ')}`);
        }
        break;
      }
      case 'line':
      case 'box': {
        const [w, h] = element.type === 'box' ? [element.width, element.height] : element.direction === 'horizontal' ? [element.length, element.thickness] : [element.thickness, element.length];
        if (element.x + w > widthDots || element.y + h > heightDots) problems.push(`${where}: ends at ${element.x + w},${element.y + h}, outside the ${widthDots}x${heightDots}-dot label`);
        break;
      }
      default:
        break;
    }
  });
  return problems;
}

/**
 * The check a template passes before it is saved: the schema, then what the schema cannot say
 * (placeholders that name no field, elements off the label, ZPL a printer would misread). Each
 * problem is one line that says where and what.
 */
export function checkTemplate(input: unknown): TemplateCheck {
  const parsed = LabelTemplateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error) };
  const template = parsed.data;
  const problems = sizeProblems(template);
  if (problems.length === 0) {
    if (template.kind === 'layout') problems.push(...elementProblems(template));
    else {
      const plan = planZplTemplate(template);
      if (!plan.ok) problems.push(...plan.problems);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, template };
}
