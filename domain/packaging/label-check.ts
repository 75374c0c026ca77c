import { isoToGs1Date, toGtin14 } from '../gs1';
import type { Hierarchy } from './hierarchy';
import { rollUp } from './rollup';

/** The content line of a GS1 logistic label: (02) GTIN, (37) count, (10) lot, (17) use-by. */
export interface LabelContent {
  gtin: string;
  count: number;
  lot?: string;
  expiry?: string;
}

/**
 * What the label of a container says it holds: GTIN, count, lot and expiry when it holds one lot
 * of one item in whole units (GS1: the content line is for homogeneous logistic units only), else
 * nothing. The server draws the label from it and the handheld checks the scanned label against it.
 */
export function labelContent(hierarchy: Hierarchy, sscc: string): LabelContent | undefined {
  if (!hierarchy.has(sscc)) return undefined;
  const lines = rollUp(hierarchy, sscc);
  const only = lines.length === 1 ? lines[0]! : null;
  if (!only || !Number.isInteger(only.qty) || only.qty < 1) return undefined;
  return { gtin: only.gtin, count: only.qty, lot: only.lotNumber, ...(only.expiresOn ? { expiry: only.expiresOn } : {}) };
}

/** Which container versions a label was drawn for and verified by a scan (null: none known). */
export interface ContainerLabel {
  drawnFor: number | null;
  verifiedFor: number | null;
}

export type LabelState = 'verified' | 'out_of_date' | 'not_verified';

/**
 * Whether the label on a container still says what it holds. Every pack or unpack makes a new
 * version, and a label drawn for an earlier one may carry a content line that is wrong now. A
 * container never labelled by Lotline but never changed either has only its SSCC to be right about,
 * so it is not out of date; it is not verified either.
 */
export function labelState(version: number, label: ContainerLabel): LabelState {
  const drawn = label.drawnFor ?? 0;
  if (drawn < version) return 'out_of_date';
  return label.verifiedFor !== null && label.verifiedFor >= version && label.drawnFor !== null ? 'verified' : 'not_verified';
}

export type LabelField = 'sscc' | 'gtin' | 'count' | 'lot' | 'expiry';
const AI_OF: Record<LabelField, string> = { sscc: '00', gtin: '02', count: '37', lot: '10', expiry: '17' };
const FIELD_OF: Record<string, LabelField> = { '00': 'sscc', '02': 'gtin', '37': 'count', '10': 'lot', '17': 'expiry' };

export interface LabelDifference {
  field: LabelField;
  ai: string;
  /** What the label should say; null when it should not carry this data at all. */
  expected: string | null;
  found: string;
}

export type LabelScanVerdict =
  | { verdict: 'verified' }
  | { verdict: 'mismatch'; differences: LabelDifference[] }
  /** Nothing differs yet, but these barcodes of the label are still to be scanned. */
  | { verdict: 'incomplete'; missing: LabelField[] };

function expectedValues(sscc: string, content: LabelContent | undefined): Map<LabelField, string> {
  const want = new Map<LabelField, string>([['sscc', sscc]]);
  if (!content) return want;
  want.set('gtin', toGtin14(content.gtin)).set('count', String(content.count));
  if (content.lot !== undefined) want.set('lot', content.lot);
  if (content.expiry !== undefined) want.set('expiry', isoToGs1Date(content.expiry));
  return want;
}

function same(field: LabelField, expected: string, found: string): boolean {
  if (field === 'gtin' && /^\d{8,14}$/.test(found)) return toGtin14(found) === expected;
  // (37) is variable length: a zero-padded count is the same count.
  if (field === 'count' && /^\d{1,8}$/.test(found)) return Number(found) === Number(expected);
  return found === expected;
}

/**
 * Judges the barcodes scanned off a reprinted label (every element read so far, across the
 * label's symbols: the SSCC and the content line are separate barcodes) against the container as
 * it stands. Any element that differs, or content data on a label that should carry none, is a
 * mismatch naming it; elements outside the logistic label's set (a ship-to's own codes) are ignored.
 */
export function judgeLabelScan(expected: { sscc: string; content: LabelContent | undefined }, seen: readonly { ai: string; value: string }[]): LabelScanVerdict {
  const want = expectedValues(expected.sscc, expected.content);
  const differences: LabelDifference[] = [];
  const found = new Set<LabelField>();
  for (const element of seen) {
    const field = FIELD_OF[element.ai];
    if (!field) continue;
    found.add(field);
    const value = want.get(field);
    if (value === undefined || !same(field, value, element.value)) {
      if (!differences.some((d) => d.field === field && d.found === element.value)) differences.push({ field, ai: element.ai, expected: value ?? null, found: element.value });
    }
  }
  if (differences.length > 0) return { verdict: 'mismatch', differences };
  const missing = [...want.keys()].filter((f) => !found.has(f));
  return missing.length > 0 ? { verdict: 'incomplete', missing } : { verdict: 'verified' };
}

export const aiOfLabelField = (field: LabelField) => AI_OF[field];
