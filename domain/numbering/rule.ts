import { firstOutside } from '../gs1/charsets';
import { checkCharacter, type CheckKind } from './check-character';

export const RESETS = ['day', 'month', 'year', 'never'] as const;
export type Reset = (typeof RESETS)[number];

/**
 * A lot or serial number rule. The pattern mixes literal text with parts in braces:
 * {YYYY} {YY} {Y} {MM} {DD} {YYMMDD} {JJJ} (day of the year) {SITE} {LINE} {SEQ:n}
 * (the counter, zero-padded to n digits) and optionally {CHECK} (last).
 */
export interface NumberRule {
  pattern: string;
  reset: Reset;
  siteCode: string;
  lineCode: string;
  check: CheckKind;
}

type Part =
  | { kind: 'literal'; text: string }
  | { kind: 'date'; token: 'YYYY' | 'YY' | 'Y' | 'MM' | 'DD' | 'YYMMDD' | 'JJJ' }
  | { kind: 'site' }
  | { kind: 'line' }
  | { kind: 'seq'; width: number }
  | { kind: 'check' };

const DATE_TOKENS = new Set(['YYYY', 'YY', 'Y', 'MM', 'DD', 'YYMMDD', 'JJJ']);
const DATE_WIDTH: Record<string, number> = { YYYY: 4, YY: 2, Y: 1, MM: 2, DD: 2, YYMMDD: 6, JJJ: 3 };

/** GS1 AI (10) and (21) hold at most 20 characters. */
export const MAX_NUMBER_LENGTH = 20;

export type ParsedRule = { ok: true; parts: Part[]; length: number } | { ok: false; reason: string };

function tokenize(pattern: string): Part[] | string {
  const parts: Part[] = [];
  let i = 0;
  while (i < pattern.length) {
    const open = pattern.indexOf('{', i);
    if (open === -1) {
      parts.push({ kind: 'literal', text: pattern.slice(i) });
      break;
    }
    if (open > i) parts.push({ kind: 'literal', text: pattern.slice(i, open) });
    const close = pattern.indexOf('}', open);
    if (close === -1) return `'{' at position ${open + 1} is never closed`;
    const token = pattern.slice(open + 1, close);
    if (DATE_TOKENS.has(token)) parts.push({ kind: 'date', token: token as Extract<Part, { kind: 'date' }>['token'] });
    else if (token === 'SITE') parts.push({ kind: 'site' });
    else if (token === 'LINE') parts.push({ kind: 'line' });
    else if (token === 'CHECK') parts.push({ kind: 'check' });
    else if (/^SEQ:\d{1,2}$/.test(token)) parts.push({ kind: 'seq', width: Number(token.slice(4)) });
    else return `unknown part {${token}}`;
    i = close + 1;
  }
  return parts;
}

/** Which calendar resolution the pattern's date parts pin down: the counter may not reset faster. */
function dateResolution(parts: readonly Part[]): 'day' | 'month' | 'year' | 'none' {
  const tokens = new Set(parts.flatMap((p) => (p.kind === 'date' ? [p.token] : [])));
  // A one-digit year repeats after ten years; the allocator skips a number already in use.
  const hasYear = tokens.has('YYYY') || tokens.has('YY') || tokens.has('Y') || tokens.has('YYMMDD');
  if (tokens.has('YYMMDD') || (hasYear && tokens.has('JJJ')) || (hasYear && tokens.has('MM') && tokens.has('DD'))) return 'day';
  if (hasYear && tokens.has('MM')) return 'month';
  if (hasYear) return 'year';
  return 'none';
}

/**
 * Checks a rule before it is saved: every number it can make must be unique within its reset
 * period, fit GS1's 20 characters and use only characters GS1 allows.
 */
export function parseRule(rule: NumberRule): ParsedRule {
  const parts = tokenize(rule.pattern);
  if (typeof parts === 'string') return { ok: false, reason: parts };
  const seqs = parts.filter((p) => p.kind === 'seq');
  if (seqs.length !== 1) return { ok: false, reason: 'the pattern needs exactly one counter part {SEQ:n}' };
  const width = (seqs[0] as Extract<Part, { kind: 'seq' }>).width;
  if (width < 1 || width > 12) return { ok: false, reason: 'the counter width must be 1 to 12 digits' };
  const checkAt = parts.findIndex((p) => p.kind === 'check');
  if (checkAt !== -1 && checkAt !== parts.length - 1) return { ok: false, reason: '{CHECK} must be the last part' };
  if (checkAt !== -1 && rule.check === 'none') return { ok: false, reason: '{CHECK} needs a check character kind (mod10 or mod37)' };
  if (rule.check !== 'none' && checkAt === -1) parts.push({ kind: 'check' });

  const resolution = dateResolution(parts);
  const needed = { day: ['day'], month: ['day', 'month'], year: ['day', 'month', 'year'], never: ['day', 'month', 'year', 'none'] }[rule.reset];
  if (!needed.includes(resolution)) {
    return { ok: false, reason: `a counter that resets every ${rule.reset} needs the date parts of a ${rule.reset} in the pattern, or numbers repeat` };
  }

  const literal = parts.map((p) => (p.kind === 'literal' ? p.text : p.kind === 'site' ? rule.siteCode : p.kind === 'line' ? rule.lineCode : '')).join('');
  if (firstOutside(literal, 'X') !== -1) return { ok: false, reason: 'the pattern, site or line code has characters GS1 does not allow in a lot or serial number' };
  if (rule.check === 'mod10' && /[^0-9]/.test(literal)) return { ok: false, reason: 'a mod10 check character needs an all-digit number' };
  if (rule.check === 'mod37' && /[^0-9A-Z-]/.test(literal)) return { ok: false, reason: 'a mod37 check character needs digits, capital letters and hyphens only' };

  const length = parts.reduce(
    (n, p) => n + (p.kind === 'literal' ? p.text.length : p.kind === 'date' ? DATE_WIDTH[p.token]! : p.kind === 'site' ? rule.siteCode.length : p.kind === 'line' ? rule.lineCode.length : p.kind === 'seq' ? p.width : 1),
    0,
  );
  if (length > MAX_NUMBER_LENGTH) return { ok: false, reason: `the numbers would be ${length} characters; GS1 allows ${MAX_NUMBER_LENGTH}` };
  return { ok: true, parts, length };
}

/** The counter's period: numbers made in one period share one counter. */
export function periodKey(reset: Reset, today: string): string {
  switch (reset) {
    case 'day':
      return today;
    case 'month':
      return today.slice(0, 7);
    case 'year':
      return today.slice(0, 4);
    case 'never':
      return '-';
  }
}

function dayOfYear(today: string): number {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000 + 1;
}

function dateText(token: Extract<Part, { kind: 'date' }>['token'], today: string): string {
  const yyyy = today.slice(0, 4);
  switch (token) {
    case 'YYYY':
      return yyyy;
    case 'YY':
      return yyyy.slice(2);
    case 'Y':
      return yyyy.slice(3);
    case 'MM':
      return today.slice(5, 7);
    case 'DD':
      return today.slice(8, 10);
    case 'YYMMDD':
      return yyyy.slice(2) + today.slice(5, 7) + today.slice(8, 10);
    case 'JJJ':
      return String(dayOfYear(today)).padStart(3, '0');
  }
}

/** Makes the number for a counter value. Refuses a counter that no longer fits its width. */
export function formatNumber(rule: NumberRule, parsed: Extract<ParsedRule, { ok: true }>, today: string, counter: number): string {
  let body = '';
  for (const part of parsed.parts) {
    switch (part.kind) {
      case 'literal':
        body += part.text;
        break;
      case 'date':
        body += dateText(part.token, today);
        break;
      case 'site':
        body += rule.siteCode;
        break;
      case 'line':
        body += rule.lineCode;
        break;
      case 'seq': {
        const text = String(counter);
        if (!Number.isSafeInteger(counter) || counter < 1 || text.length > part.width) {
          throw new RangeError(`counter ${counter} does not fit ${part.width} digits: this period's numbers are used up`);
        }
        body += text.padStart(part.width, '0');
        break;
      }
      case 'check':
        body += checkCharacter(rule.check, body);
        break;
    }
  }
  return body;
}
