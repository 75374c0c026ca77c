import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkpoint, LotDoc, PullResponse } from '../../sync';
import { loadDemoData } from '../seed/demo';
import { openTestDb, type TestDb } from '../test-support/db';
import { lots } from './collections';
import { sharedPages, type PullPage } from './shared-pages';

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb('shared_pages');
  await loadDemoData(t.db, { password: 'demo-pass-1' });
});
afterAll(() => t?.close());

/** Pages from the checkpoint to a short one, as a device pulls after a notice. */
async function pullToEnd(pull: PullPage, from: Checkpoint | null, limit: number, deviceId: string): Promise<{ documents: PullResponse<LotDoc>['documents']; checkpoint: Checkpoint | null }> {
  const documents: PullResponse<LotDoc>['documents'] = [];
  let checkpoint = from;
  for (;;) {
    const page = await pull(t.db, lots, checkpoint, limit, deviceId);
    documents.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length < limit) return { documents, checkpoint };
  }
}

describe('pages shared between devices at the same checkpoint', () => {
  it('hands a full page read for one device to the next, and the change made meanwhile follows on a later page', async () => {
    const pull = sharedPages(60_000);
    const first = await pull(t.db, lots, null, 3, 'device-a');
    expect(first.documents).toHaveLength(3);
    const changed = first.documents[1]!;
    await t.db.query(`UPDATE lots SET supplier = 'Changed after the page was read' WHERE id = $1`, [changed.id]);

    const second = await pull(t.db, lots, null, 3, 'device-b');
    expect(second.documents.map((d) => d.id)).toEqual(first.documents.map((d) => d.id));
    expect(second.documents[1]!.supplier).toBe(changed.supplier);

    const rest = await pullToEnd(pull, second.checkpoint, 3, 'device-b');
    const held = new Map([...second.documents, ...rest.documents].map((d) => [d.id, d]));
    expect(held.get(changed.id)!.supplier).toBe('Changed after the page was read');
    const all = await t.db.query<{ id: string }>('SELECT id FROM lots');
    expect([...held.keys()].sort()).toEqual(all.rows.map((r) => r.id).sort());
  });

  it('reads the end of the changes again for every device, so the commit it was told of is there', async () => {
    const pull = sharedPages(60_000);
    const end = (await pullToEnd(pull, null, 1000, 'device-a')).checkpoint;
    expect((await pull(t.db, lots, end, 1000, 'device-a')).documents).toEqual([]);
    const made = await t.db.query<{ id: string }>(`INSERT INTO lots (item_id, lot_number, origin) SELECT id, 'SHARED-1', 'received' FROM items ORDER BY gtin LIMIT 1 RETURNING id`);

    const next = await pull(t.db, lots, end, 1000, 'device-b');
    expect(next.documents.map((d) => d.id)).toEqual([made.rows[0]!.id]);
  });
});
