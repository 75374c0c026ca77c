import type { TextField } from './fields';
import type { LabelDataError } from './label-data';
import { digitalLink, elementString, gs1128For, isError, textValues, type LabelRun } from './label-strings';
import { dataMatrixData } from './zpl-barcodes';
import type { ZplSlot } from './zpl-template-check';
import { hexEscapeText } from './zpl-text';

type Texts = Partial<Record<TextField, string>>;
/** Fills one slot; returns the text for each span it covers, in order. */
type Fill = (run: LabelRun, texts: Texts) => string[] | LabelDataError;

function fillFor(slot: ZplSlot): { spans: [number, number][]; fill: Fill } {
  switch (slot.kind) {
    case 'text':
      return {
        spans: [[slot.start, slot.end]],
        fill: (run, texts) => {
          const value = slot.name === 'digitalLink' ? digitalLink(run, slot.fields, 'https://id.gs1.org') : texts[slot.name];
          if (isError(value)) return value;
          // Values of GS1 fields hold no ^ or ~; only a field with ^FH needs (and gets) escaping.
          return [slot.hexIndicator && value ? hexEscapeText(value, slot.hexIndicator) : (value ?? '')];
        },
      };
    case 'dataMatrix':
      return {
        spans: [[slot.start, slot.end]],
        fill: (run) => {
          const raw = elementString(run, slot.fields);
          if (isError(raw)) return raw;
          return [raw === null ? '' : dataMatrixData(raw, slot.escape)];
        },
      };
    case 'gs1128': {
      const [o = 'N', h = '', f = 'Y', g = 'N', e = 'N'] = slot.command.params;
      return {
        spans: [
          [slot.command.start, slot.command.end],
          [slot.start, slot.end],
        ],
        fill: (run) => {
          const encoded = gs1128For(run, slot.fields);
          if (isError(encoded)) return encoded;
          if (encoded === null) return [`^BC${slot.command.params.join(',')}${slot.command.trailing}`, ''];
          return [`^BC${o},${h},${f},${g},${e},${encoded.mode}${slot.command.trailing}`, encoded.data];
        },
      };
    }
  }
}

/**
 * Turns a checked raw ZPL template into a function from label data to ZPL: the text between
 * slots is cut once, each label only fills the slots.
 */
export function compileZplText(text: string, slots: readonly ZplSlot[]): (run: LabelRun) => string | LabelDataError {
  const fills = slots.map((slot) => fillFor(slot));
  const spans = fills.flatMap(({ spans: s }, slot) => s.map(([start, end], index) => ({ start, end, slot, index }))).sort((a, b) => a.start - b.start);
  const literals: string[] = [];
  let at = 0;
  for (const span of spans) {
    literals.push(text.slice(at, span.start));
    at = span.end;
  }
  literals.push(text.slice(at));
  const needed = [...new Set(slots.flatMap((s) => (s.kind === 'text' && s.name !== 'digitalLink' ? [s.name] : [])))];

  return (run) => {
    const texts = textValues(run, needed);
    if (isError(texts)) return texts;
    const filled: string[][] = [];
    for (const { fill } of fills) {
      const result = fill(run, texts);
      if (isError(result)) return result;
      filled.push(result);
    }
    let zpl = literals[0]!;
    spans.forEach((span, i) => {
      zpl += filled[span.slot]![span.index]! + literals[i + 1]!;
    });
    return zpl;
  };
}
