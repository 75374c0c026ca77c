import { labelSize, zplText, type LabelTemplate, type LayoutElement } from './template';

/** One difference between two versions of a template, as a QA reviewer reads it before approving. */
export type TemplateChange =
  | { change: 'changed'; path: string; before: unknown; after: unknown }
  | { change: 'added'; path: string; after: unknown }
  | { change: 'removed'; path: string; before: unknown };

/** JSON with object keys sorted: the same template always gives the same text (and hash). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Pairs of indexes of a longest common subsequence of two lists of keys. */
function commonPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] = a[i] === b[j] ? table[(i + 1) * cols + j + 1]! + 1 : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (table[(i + 1) * cols + j]! >= table[i * cols + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function propertyChanges(path: string, before: Record<string, unknown>, after: Record<string, unknown>, skip: ReadonlySet<string> = new Set()): TemplateChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !skip.has(k)).sort();
  const changes: TemplateChange[] = [];
  for (const key of keys) {
    const [b, a] = [before[key], after[key]];
    if (canonicalJson(b) === canonicalJson(a)) continue;
    const at = path ? `${path}.${key}` : key;
    if (b === undefined) changes.push({ change: 'added', path: at, after: a });
    else if (a === undefined) changes.push({ change: 'removed', path: at, before: b });
    else changes.push({ change: 'changed', path: at, before: b, after: a });
  }
  return changes;
}

const elementName = (element: LayoutElement, index: number) => `elements[${index}] (${element.type}${element.id ? ` '${element.id}'` : ''})`;

/**
 * Elements are matched by id where they have one, else by identical content; what is left in
 * the same gap is paired by type and shown property by property, so moving a text 4 dots reads
 * as one change, not a removal and an addition.
 */
function elementChanges(before: readonly LayoutElement[], after: readonly LayoutElement[]): TemplateChange[] {
  const key = (e: LayoutElement) => (e.id ? `id:${e.id}` : canonicalJson(e));
  const pairs = commonPairs(before.map(key), after.map(key));
  const changes: TemplateChange[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [before.length, after.length] as [number, number]]) {
    const removed = before.slice(i, pi).map((element, k) => ({ element, index: i + k }));
    const added = after.slice(j, pj).map((element, k) => ({ element, index: j + k }));
    for (const r of removed) {
      const match = added.findIndex((a) => a.element.type === r.element.type && !a.element.id && !r.element.id);
      if (match === -1) {
        changes.push({ change: 'removed', path: elementName(r.element, r.index), before: r.element });
        continue;
      }
      const [a] = added.splice(match, 1);
      changes.push(...propertyChanges(elementName(a!.element, a!.index), r.element, a!.element));
    }
    for (const a of added) changes.push({ change: 'added', path: elementName(a.element, a.index), after: a.element });
    if (pi < before.length && pj < after.length) changes.push(...propertyChanges(elementName(after[pj]!, pj), before[pi]!, after[pj]!));
    i = pi + 1;
    j = pj + 1;
  }
  return changes;
}

function lineChanges(before: string, after: string): TemplateChange[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const pairs = commonPairs(a, b);
  const changes: TemplateChange[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    for (; i < pi; i++) changes.push({ change: 'removed', path: `line ${i + 1}`, before: a[i] });
    for (; j < pj; j++) changes.push({ change: 'added', path: `line ${j + 1}`, after: b[j] });
    i = pi + 1;
    j = pj + 1;
  }
  return changes;
}

/** What changed from one template version to the next: properties, elements, or ZPL lines. */
export function diffTemplates(before: LabelTemplate, after: LabelTemplate): TemplateChange[] {
  const skip = new Set(['elements', 'zpl', 'widthDots', 'heightDots', 'widthIn', 'heightIn', 'widthMm', 'heightMm']);
  const changes = propertyChanges('', before, after, skip);
  const [sizeBefore, sizeAfter] = [labelSize(before), labelSize(after)];
  if (sizeBefore.widthDots !== sizeAfter.widthDots || sizeBefore.heightDots !== sizeAfter.heightDots) {
    changes.push({ change: 'changed', path: 'size', before: `${sizeBefore.widthDots}x${sizeBefore.heightDots} dots`, after: `${sizeAfter.widthDots}x${sizeAfter.heightDots} dots` });
  }
  if (before.kind === 'layout' && after.kind === 'layout') changes.push(...elementChanges(before.elements, after.elements));
  else if (before.kind === 'zpl' && after.kind === 'zpl') changes.push(...lineChanges(zplText(before), zplText(after)));
  else {
    const content = (t: LabelTemplate) => (t.kind === 'layout' ? t.elements : zplText(t));
    changes.push({ change: 'changed', path: 'content', before: content(before), after: content(after) });
  }
  return changes;
}

const show = (value: unknown) => {
  const text = typeof value === 'string' ? value : canonicalJson(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
};

/** The changes as console lines: `~` changed, `+` added, `-` removed. */
export function formatTemplateDiff(changes: readonly TemplateChange[]): string {
  return changes
    .map((c) => (c.change === 'changed' ? `~ ${c.path}: ${show(c.before)} -> ${show(c.after)}` : c.change === 'added' ? `+ ${c.path}: ${show(c.after)}` : `- ${c.path}: ${show(c.before)}`))
    .join('\n');
}
