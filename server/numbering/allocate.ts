import { formatNumber, parseRule, periodKey, type CheckKind, type NumberRule, type Reset } from '../../domain/numbering';
import type { Queryable } from '../db';
import { AppError } from '../errors';

export interface StoredRule extends NumberRule {
  id: string;
  name: string;
  kind: 'lot' | 'serial' | 'document';
}

export async function loadRule(tx: Queryable, idOrName: string): Promise<StoredRule> {
  const found = await tx.query<{ id: string; name: string; kind: 'lot' | 'serial' | 'document'; pattern: string; reset: Reset; site_code: string; line_code: string; check_char: CheckKind }>(
    `SELECT id, name, kind, pattern, reset, site_code, line_code, check_char FROM number_rules
      WHERE name = $1 OR id::text = $1`,
    [idOrName],
  );
  const r = found.rows[0];
  if (!r) throw new AppError(404, 'not_found', `Number rule '${idOrName}' was not found.`);
  return { id: r.id, name: r.name, kind: r.kind, pattern: r.pattern, reset: r.reset, siteCode: r.site_code, lineCode: r.line_code, check: r.check_char };
}

/**
 * Takes the next `count` numbers of a rule in the caller's transaction. The counter row is bumped
 * by one upsert, which PostgreSQL serialises per row: two server instances allocating at once
 * get disjoint ranges, and a rolled-back transaction gives its range back.
 */
export async function allocateNumbers(tx: Queryable, rule: StoredRule, scopeKey: string, count: number, today: string): Promise<string[]> {
  const parsed = parseRule(rule);
  if (!parsed.ok) throw new AppError(422, 'bad_rule', `Number rule '${rule.name}' cannot be used: ${parsed.reason}.`);
  if (!Number.isInteger(count) || count < 1 || count > 10_000) throw new AppError(400, 'bad_request', 'Between 1 and 10,000 numbers can be allocated at once.');
  const bumped = await tx.query<{ value: string }>(
    `INSERT INTO number_counters (rule_id, scope_key, period_key, value) VALUES ($1, $2, $3, $4)
     ON CONFLICT (rule_id, scope_key, period_key) DO UPDATE SET value = number_counters.value + EXCLUDED.value
     RETURNING value::text AS value`,
    [rule.id, scopeKey, periodKey(rule.reset, today), count],
  );
  const last = Number(bumped.rows[0]!.value);
  const numbers: string[] = [];
  try {
    for (let n = last - count + 1; n <= last; n++) numbers.push(formatNumber(rule, parsed, today, n));
  } catch (error) {
    if (error instanceof RangeError) throw new AppError(409, 'numbers_exhausted', `Number rule '${rule.name}': ${error.message}.`);
    throw error;
  }
  return numbers;
}

/** The rule an item's lots are numbered by: its own, else the plant default. */
export async function lotRuleFor(tx: Queryable, itemId: string): Promise<StoredRule> {
  const item = await tx.query<{ lot_rule_id: string | null }>('SELECT lot_rule_id FROM items WHERE id = $1', [itemId]);
  return loadRule(tx, item.rows[0]?.lot_rule_id ?? 'lot-default');
}

/**
 * A new lot number for an item. A number the rule made that a lot of this item already has
 * (a supplier's lot that happens to look the same) is skipped, never merged into.
 */
export async function nextLotNumber(tx: Queryable, itemId: string, today: string): Promise<string> {
  const rule = await lotRuleFor(tx, itemId);
  for (let attempt = 0; attempt < 100; attempt++) {
    const [candidate] = await allocateNumbers(tx, rule, '', 1, today);
    const taken = await tx.query('SELECT 1 FROM lots WHERE item_id = $1 AND lot_number = $2', [itemId, candidate]);
    if (taken.rows.length === 0) return candidate!;
  }
  throw new AppError(409, 'numbers_exhausted', `Number rule '${rule.name}' keeps making lot numbers this item already has.`);
}

/** Serial numbers for an item, unique per GTIN: registered in the same transaction they are made. */
export async function allocateSerials(tx: Queryable, itemId: string, lotId: string | null, count: number, today: string): Promise<string[]> {
  const item = await tx.query<{ serial_rule_id: string | null }>('SELECT serial_rule_id FROM items WHERE id = $1', [itemId]);
  if (item.rows.length === 0) throw new AppError(404, 'not_found', 'That item was not found.');
  const rule = await loadRule(tx, item.rows[0]!.serial_rule_id ?? 'serial-default');
  const serials: string[] = [];
  for (let attempt = 0; serials.length < count && attempt < 100; attempt++) {
    const candidates = await allocateNumbers(tx, rule, itemId, count - serials.length, today);
    const inserted = await tx.query<{ serial: string }>(
      `INSERT INTO serials (item_id, serial, lot_id) SELECT $1, s, $2 FROM unnest($3::text[]) AS s
       ON CONFLICT (item_id, serial) DO NOTHING RETURNING serial`,
      [itemId, lotId, candidates],
    );
    const fresh = new Set(inserted.rows.map((r) => r.serial));
    serials.push(...candidates.filter((c) => fresh.has(c)));
  }
  if (serials.length < count) throw new AppError(409, 'numbers_exhausted', `Number rule '${rule.name}' cannot make ${count} new serials for this item.`);
  return serials;
}
