import { isValidGtin, toGtin14 } from '../gs1';
import { LOT_STATUSES, type LotStatus } from '../lots';
import { isCalendarDate } from '../ops';
import { findIllFormedText } from '../text';
import type { FieldType, ImportField } from './fields';
import type { IssueCode, IssueSeverity } from './types';

export type ParsedValue = string | number | boolean | null;
export interface ValueProblem {
  code: IssueCode;
  severity: IssueSeverity;
  message: string;
}
export type Parsed = { value: ParsedValue; problems: ValueProblem[] };

// GS1 AI (10) and (21): up to 20 characters of the GS1 character set 82, as a handheld's scan is held to.
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const LOCATION = /^[A-Z0-9][A-Z0-9-]{0,29}$/;
const PHONE = /^\+?[0-9][0-9 ()-]{2,29}$/;
const QTY = /^\d{1,10}(\.\d{1,3})?$/;
// Legacy spellings of a day: 2025-03-31, 2025/3/31, 2025.03.31, 20250331, 2025年3月31日.
const DAY = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|(\d{2})(\d{2})|年(\d{1,2})月(\d{1,2})日?)$/;

/** Status words of legacy systems, English and Chinese, to Lotline's lot statuses. */
const STATUS_WORDS: Readonly<Record<string, LotStatus>> = {
  quarantine: 'quarantine', quarantined: 'quarantine', pending: 'quarantine', hold_for_qc: 'quarantine', 待检: 'quarantine', 待验: 'quarantine', 隔离: 'quarantine', 检验中: 'quarantine',
  released: 'released', release: 'released', approved: 'released', accepted: 'released', 放行: 'released', 已放行: 'released', 合格: 'released',
  rejected: 'rejected', reject: 'rejected', 拒收: 'rejected', 不合格: 'rejected',
  on_hold: 'on_hold', onhold: 'on_hold', hold: 'on_hold', blocked: 'on_hold', 冻结: 'on_hold', 暂停: 'on_hold',
  expired: 'expired', 过期: 'expired', 已过期: 'expired',
  recalled: 'recalled', 召回: 'recalled', 已召回: 'recalled',
  scrapped: 'scrapped', 报废: 'scrapped', 已报废: 'scrapped',
  returned: 'returned', 退回: 'returned', 已退回: 'returned',
};
const ORIGIN_WORDS: Readonly<Record<string, 'received' | 'produced'>> = { received: 'received', purchased: 'received', 采购: 'received', 外购: 'received', 收货: 'received', produced: 'produced', manufactured: 'produced', 生产: 'produced', 自制: 'produced' };
const BOOL_WORDS: Readonly<Record<string, boolean>> = { true: true, yes: true, y: true, '1': true, 是: true, false: false, no: false, n: false, '0': false, 否: false };

const error = (code: IssueCode, message: string): ValueProblem => ({ code, severity: 'error', message });
const fail = (code: IssueCode, message: string): Parsed => ({ value: null, problems: [error(code, message)] });

/** A word as legacy files spell it: NFKC (full-width to ASCII), lower case, spaces and hyphens as underscores. */
const word = (text: string) => text.normalize('NFKC').trim().toLowerCase().replace(/[\s-]+/g, '_');

export function isoDay(text: string): string | null {
  const m = DAY.exec(text);
  if (!m) return null;
  const [month, day] = m[2] ? [m[2], m[3]!] : m[4] ? [m[4], m[5]!] : [m[6]!, m[7]!];
  const iso = `${m[1]}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

function parseTyped(type: FieldType, text: string, max: number | undefined): Parsed {
  const ok = (value: ParsedValue): Parsed => ({ value, problems: [] });
  switch (type) {
    case 'gtin':
      if (!/^\d{8}$|^\d{12,14}$/.test(text)) return fail('gtin_syntax', 'must be a GTIN of 8, 12, 13 or 14 digits');
      return isValidGtin(text) ? ok(toGtin14(text)) : fail('gtin_check_digit', 'has a wrong check digit');
    case 'lot':
      return CSET82.test(text) ? ok(text) : fail('lot_syntax', text.length > 20 ? 'is longer than the 20 characters GS1 allows in a lot number' : 'has characters GS1 does not allow in a lot number (spaces, full-width or Chinese characters)');
    case 'serial':
      return CSET82.test(text) ? ok(text) : fail('serial_syntax', 'is not a GS1 serial number (at most 20 characters of the GS1 set)');
    case 'date': {
      const iso = isoDay(text);
      return iso ? ok(iso) : fail('date_syntax', 'is not a day on the calendar (write yyyy-mm-dd)');
    }
    case 'qty': {
      if (!QTY.test(text)) return fail('qty_syntax', 'must be a number more than zero with at most 3 decimals');
      const n = Number(text);
      return n > 0 && n <= 1e9 ? ok(n) : fail('qty_syntax', 'must be more than zero and at most 1,000,000,000');
    }
    case 'days': {
      const n = Number(text);
      return /^\d+$/.test(text) && n >= 1 && n <= 36500 ? ok(n) : fail('number_syntax', 'must be a whole number of days from 1 to 36500');
    }
    case 'bool': {
      const b = BOOL_WORDS[word(text)];
      return b === undefined ? fail('bool_syntax', 'must be yes or no') : ok(b);
    }
    case 'code':
      return CODE.test(text) ? ok(text) : fail('code_syntax', 'may hold only letters, digits and . _ - (at most 40), starting with a letter or digit');
    case 'location':
      return LOCATION.test(text) ? ok(text) : fail('location_syntax', 'is not a location code (capital letters, digits and -, at most 30)');
    case 'status': {
      const s = STATUS_WORDS[word(text)];
      return s ? ok(s) : fail('status_unknown', `is not a lot status (one of ${LOT_STATUSES.join(', ')})`);
    }
    case 'origin': {
      const o = ORIGIN_WORDS[word(text)];
      return o ? ok(o) : fail('origin_unknown', 'must be received or produced');
    }
    case 'phone':
      return PHONE.test(text) ? ok(text) : fail('code_syntax', 'is not a phone number');
    case 'text':
      return max !== undefined && text.length > max ? fail('too_long', `is longer than ${max} characters`) : ok(text);
  }
}

const IDENTIFIERS: ReadonlySet<FieldType> = new Set(['gtin', 'lot', 'serial', 'code', 'location']);

/**
 * One cell read as its field's type. Text the database cannot keep as it is (NUL, a lone UTF-16
 * surrogate) or bytes that were not text (U+FFFD from a damaged file) refuse the cell; spaces
 * around an identifier are trimmed with a warning, since they are what make "LOT1 " and "LOT1"
 * two lots in systems that kept them.
 */
export function parseCell(field: ImportField, cell: string | undefined): Parsed {
  const raw = cell ?? '';
  const ill = findIllFormedText(raw);
  if (ill) return fail('unstorable_text', ill.problem === 'nul' ? 'holds a NUL character' : 'holds a broken character (a lone UTF-16 surrogate)');
  if (raw.includes('\uFFFD')) return fail('broken_text', 'holds bytes that were not text in the file’s encoding (shown as �)');
  const text = raw.replace(/^[\s\u3000\uFEFF]+|[\s\u3000\uFEFF]+$/g, '');
  if (text === '') return field.required ? fail('required', 'is empty') : { value: null, problems: [] };
  const parsed = parseTyped(field.type, text, field.max);
  if (text !== raw && IDENTIFIERS.has(field.type) && parsed.problems.length === 0) {
    parsed.problems.push({ code: 'trimmed', severity: 'warning', message: 'had spaces around it; they were removed' });
  }
  return parsed;
}
