import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkpoint } from '../../sync';
import type { Queryable } from '../db';
import { loadDemoData } from '../seed/demo';
import { testApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn } from '../test-support/handheld';
import { COLLECTIONS } from './collections';
import { pullChanges } from './pull';

/**
 * A first sync pulls a plant's lots page by page. Each page must read its own rows and no more,
 * also on a table the planner knows nothing about: PGlite runs no autovacuum, so a plant's tables
 * may never be analysed. A page planned as "every row after the checkpoint, then sort" costs in
 * proportion to what is left, and a first sync in proportion to the square of the plant.
 */

let t: TestDb;
let deviceId: string;

const LOTS = 20_000;
const PAGE = 500;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** Rows each scan of `table` touched: those it returned and those it read and threw away. */
function rowsRead(node: PlanNode, table: string): { node: string; rows: number }[] {
  const own = node['Relation Name'] === table ? [{ node: node['Node Type'], rows: node['Actual Rows'] * node['Actual Loops'] + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0) }] : [];
  return [...own, ...(node.Plans ?? []).flatMap((child) => rowsRead(child, table))];
}

beforeAll(async () => {
  t = await openTestDb('pull_plan');
  const app = await testApp(t.db);
  const { password } = await loadDemoData(t.db, { password: 'demo-pass-1' });
  deviceId = (await enrolAndSignIn(app, 'TC52 plan', 'clerk', password!)).deviceId;
  // One statement, as an import of a plant's stock would be; nothing analyses the table after it.
  await t.db.query(
    `INSERT INTO lots (item_id, lot_number, origin, status)
     SELECT (SELECT id FROM items ORDER BY gtin LIMIT 1), 'PLAN-' || n, 'received', 'released' FROM generate_series(1, $1::int) AS n`,
    [LOTS],
  );
}, 120_000);
afterAll(() => t.close());

describe('a pull page on a large table that was never analysed', () => {
  it('reads the rows of its page, not the rest of the table', async () => {
    const middle = await t.db.query<{ xid: string; id: string }>('SELECT change_xid::text AS xid, id FROM lots ORDER BY change_xid, id OFFSET $1 LIMIT 1', [LOTS / 4]);
    const checkpoint: Checkpoint = middle.rows[0]!;
    const statements: { sql: string; params: readonly unknown[] }[] = [];
    const recording: Queryable = {
      query: (sql, params = []) => {
        statements.push({ sql, params });
        return t.db.query(sql, params);
      },
    };
    const page = await pullChanges(recording, COLLECTIONS.lots, checkpoint, PAGE, deviceId);
    expect(page.documents).toHaveLength(PAGE);
    expect(statements).toHaveLength(1);

    const explained = await t.db.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${statements[0]!.sql}`, statements[0]!.params);
    const cell = explained.rows[0]!['QUERY PLAN'];
    const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell) as [{ Plan: PlanNode }];
    const scans = rowsRead(plan[0].Plan, 'lots');
    expect(scans.length).toBeGreaterThan(0);
    // The page itself, or the first held-back row: never the rows after them.
    for (const scan of scans) expect(scan.rows, JSON.stringify(scans)).toBeLessThanOrEqual(PAGE + 1);
  });
});
