import { CSET_NAMES, firstOutside } from './charsets';
import type { AiEntry } from './dictionary';
import { yymmdd, yyyymmdd, type DateContext } from './dates';
import { LINTERS } from './linters';
import { aiEntry, matchesPattern } from './table';
import type { Element, Gs1Detail, Gs1Error, ParsedElement } from './types';

const DATE_LINTERS: Record<string, (v: string, ctx: DateContext) => string | null> = {
  yymmdd: (v, ctx) => yymmdd(v, false, ctx),
  yymmd0: (v, ctx) => yymmdd(v, true, ctx),
  yyyymmdd: (v) => yyyymmdd(v, false),
  yyyymmd0: (v) => yyyymmdd(v, true),
};

/** Checks one AI's value against its dictionary entry: lengths, character sets, linters. */
export function validateElement(element: Element, context: DateContext, offset = 0): { ok: true; element: ParsedElement } | { ok: false; error: Gs1Error } {
  const { ai, value } = element;
  const entry = aiEntry(ai);
  const fail = (code: Gs1Error['code'], message: string, position?: number, detail?: Gs1Detail) => ({
    ok: false as const,
    error: { code, ai, message: `AI (${ai}): ${message}`, ...(position === undefined ? {} : { position: offset + position }), ...(detail ? { detail } : {}) },
  });
  if (!entry) return fail('unknown_ai', 'is not a GS1 Application Identifier');
  if (value.length === 0) return fail('too_short', 'has no data');
  const length: Gs1Detail = { key: 'length', params: { length: value.length, min: entry.minLength, max: entry.maxLength } };
  if (value.length < entry.minLength) return fail('too_short', `${value.length} characters, needs ${entry.minLength === entry.maxLength ? entry.minLength : `at least ${entry.minLength}`}`, undefined, length);
  if (value.length > entry.maxLength) return fail('too_long', `${value.length} characters, at most ${entry.maxLength} allowed`, undefined, length);
  let pos = 0;
  let date: string | undefined;
  for (const component of entry.components) {
    const remaining = value.length - pos;
    if (remaining === 0 && component.optional) break;
    const take = component.min === component.max ? component.max : Math.min(remaining, component.max);
    if (remaining < component.min) return fail('too_short', `is too short`, pos);
    const part = value.slice(pos, pos + take);
    const bad = component.cset === 'Z' ? -1 : firstOutside(part, component.cset);
    if (bad !== -1) {
      const char = describeChar(part[bad]!);
      return fail('bad_character', `'${char}' at position ${pos + bad + 1} is not allowed (${CSET_NAMES[component.cset]})`, pos + bad, { key: 'char_not_allowed', params: { char, position: pos + bad + 1 } });
    }
    const linters = component.cset === 'Z' ? ['cset64', ...component.linters] : component.linters;
    for (const name of linters) {
      const linter = LINTERS[name];
      if (!linter) return fail('bad_content', `has a check '${name}' this version does not know`);
      const problem = linter(part, context);
      if (problem) return fail(name === 'cset64' ? 'bad_character' : 'bad_content', problem.message, pos + problem.position, problem.detail);
      const dateOf = DATE_LINTERS[name];
      if (dateOf && date === undefined) date = dateOf(part, context) ?? undefined;
    }
    pos += take;
  }
  return { ok: true, element: { ai, value, title: entry.title, ...(date ? { date } : {}) } };
}

function describeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code < 32 || code === 127 ? `\\x${code.toString(16).padStart(2, '0')}` : c;
}

const present = (elements: readonly Element[], pattern: string) => elements.some((e) => matchesPattern(e.ai, pattern));

/**
 * Checks the whole message: an AI repeated with another value, the pairings the dictionary
 * forbids, and the AIs the dictionary requires alongside another.
 */
export function validateMessage(elements: readonly Element[], checkAssociations: boolean): Gs1Error | null {
  const seen = new Map<string, string>();
  for (const { ai, value } of elements) {
    const before = seen.get(ai);
    if (before !== undefined && before !== value) return { code: 'duplicate_ai', ai, message: `AI (${ai}) appears twice with different values` };
    seen.set(ai, value);
  }
  if (!checkAssociations) return null;
  const signatureProblem = digitalSignatureKey(elements);
  if (signatureProblem) return signatureProblem;
  for (const { ai } of elements) {
    const entry = aiEntry(ai) as AiEntry;
    for (const pattern of entry.excludes) {
      const clash = elements.find((other) => other.ai !== ai && matchesPattern(other.ai, pattern));
      if (clash) return { code: 'invalid_pairing', ai, message: `AI (${ai}) must not appear together with (${clash.ai})` };
    }
    for (const group of entry.requires) {
      const met = group.some((alternative) => alternative.every((pattern) => present(elements, pattern)));
      if (!met) {
        const options = group.map((alt) => alt.map((p) => `(${p})`).join('+')).join(' or ');
        return { code: 'missing_required_ai', ai, message: `AI (${ai}) needs ${options} in the same message` };
      }
    }
  }
  return null;
}

// A digital signature (8030) signs one item: its key must carry the serial component it may omit.
const SERIALISED_KEY_LENGTH: Record<string, number> = { '253': 13, '255': 13, '8003': 14 };

function digitalSignatureKey(elements: readonly Element[]): Gs1Error | null {
  if (!elements.some((e) => e.ai === '8030')) return null;
  for (const e of elements) {
    const bare = SERIALISED_KEY_LENGTH[e.ai];
    if (bare !== undefined && e.value.length <= bare) {
      return { code: 'missing_required_ai', ai: '8030', message: `AI (8030): a digital signature needs a serialised key, and (${e.ai}) has no serial component` };
    }
  }
  return null;
}
