import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, appendAudit, chainHash, parseAnchorKey, generateAnchorKeyPem, signCheckpoint, startAnchorJob, verifyAuditChain, type AuditAnchor, type AuditRecord } from '.';
import type { Db } from '../db';
import { openTestDb, type TestDb } from '../test-support/db';

const actor = { id: null, name: 'qa' };

/** What someone who owns the database can do: rewrite rows behind the trigger. */
async function asOwner(db: Db, fn: () => Promise<void>) {
  await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
  try {
    await fn();
  } finally {
    await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  }
}

async function makeLot(db: Db, lotNumber: string): Promise<string> {
  await db.query(`INSERT INTO items (gtin, sku, name) VALUES ('06901234999998', 'ANCHOR-1', 'Anchor test item') ON CONFLICT DO NOTHING`);
  const r = await db.query<{ id: string }>(`INSERT INTO lots (lot_number, item_id, origin) SELECT $1, id, 'received' FROM items WHERE sku = 'ANCHOR-1' RETURNING id`, [lotNumber]);
  return r.rows[0]!.id;
}

async function setStatus(db: Db, lotId: string, from: string, to: string) {
  await db.transaction(async (tx) => {
    await tx.query('UPDATE lots SET status = $2, version = version + 1 WHERE id = $1', [lotId, to]);
    await appendAudit(tx, actor, [{ action: 'lot.status', entityType: 'lot', entityId: lotId, before: { status: from }, after: { status: to }, reason: 'qc', signatureMeaning: 'approved' }]);
  });
}

async function appendRows(db: Db, count: number, prefix: string) {
  for (let i = 0; i < count; i += 25) {
    await db.transaction((tx) => appendAudit(tx, actor, Array.from({ length: Math.min(25, count - i) }, (_, j) => ({ action: `${prefix}.row`, entityType: 'item', entityId: String(i + j) }))));
  }
}

interface Row {
  seq: string;
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  device_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  signature_meaning: string | null;
  prev_hash: string;
}

/** Re-hashes every row from `fromSeq` on with the product's own function, as an owner of the database could. */
async function rehashFrom(db: Db, fromSeq: string) {
  const rows = (await db.query<Row>('SELECT seq::text AS seq, * FROM audit_log WHERE seq >= $1::bigint ORDER BY audit_log.seq', [fromSeq])).rows;
  const prev = await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq < $1::bigint ORDER BY seq DESC LIMIT 1', [fromSeq]);
  let prevHash = prev.rows[0]?.hash ?? GENESIS_HASH;
  for (const row of rows) {
    const record: AuditRecord = {
      id: row.id, at: new Date(row.at), actorId: row.actor_id, actorName: row.actor_name, deviceId: row.device_id, action: row.action, entityType: row.entity_type,
      entityId: row.entity_id, before: row.before, after: row.after, reason: row.reason, signatureMeaning: row.signature_meaning,
    };
    const hash = chainHash(prevHash, record);
    await db.query('UPDATE audit_log SET prev_hash = $2, hash = $3 WHERE seq = $1::bigint', [row.seq, prevHash, hash]);
    prevHash = hash;
  }
}

describe('audit chain anchored by signed checkpoints', () => {
  let t: TestDb;
  let dir: string;
  let anchor: AuditAnchor;
  let lotId: string;
  const key = parseAnchorKey(generateAnchorKeyPem());

  beforeAll(async () => {
    t = await openTestDb('audit_anchor');
    dir = mkdtempSync(join(tmpdir(), 'lotline-anchor-'));
    anchor = { key, keyFrom: 'test', checkpointDir: join(dir, 'checkpoints') };
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs a checkpoint every N rows and the head, and an intact chain verifies against them', async () => {
    lotId = await makeLot(t.db, 'L-ANCHOR-1');
    await setStatus(t.db, lotId, 'quarantine', 'rejected');
    await appendRows(t.db, 249, 'first');
    const job = startAnchorJob(t.db, { key, checkpointDir: anchor.checkpointDir, everyRows: 100, everyMs: 3_600_000, onError: (e) => { throw e; } });
    const written = await job.checkpointNow();
    await job.stop();
    const seqs = (await t.db.query<{ seq: string }>('SELECT seq::text AS seq FROM audit_log ORDER BY audit_log.seq')).rows.map((r) => r.seq);
    expect(written.map((c) => c.seq)).toEqual([seqs[99], seqs[199], seqs[249]]);
    const result = await verifyAuditChain(t.db, { anchor });
    expect(result).toMatchObject({ ok: true, breaks: [], anchor: { status: 'checked', checkpoints: 3, latest: { seq: seqs[249] }, rowsAfterLatest: 0 } });
  });

  it('a checkpoint job started on a server stops cleanly and signs on its own timer', async () => {
    await appendRows(t.db, 5, 'timer');
    const job = startAnchorJob(t.db, { key, checkpointDir: anchor.checkpointDir, everyRows: 100, everyMs: 50, onError: (e) => { throw e; } });
    const head = (await t.db.query<{ seq: string }>('SELECT max(seq)::text AS seq FROM audit_log')).rows[0]!.seq;
    await expect.poll(() => job.lastSeq(), { timeout: 10_000 }).toBe(head);
    await job.stop();
    expect((await verifyAuditChain(t.db, { anchor })).anchor).toMatchObject({ status: 'checked', latest: { seq: head }, rowsAfterLatest: 0 });
  });

  it('a QC release rewritten and every later row re-hashed with the product\'s own function is detected at the first checkpoint after it', async () => {
    const target = (await t.db.query<{ seq: string }>(`SELECT seq::text AS seq FROM audit_log WHERE action = 'lot.status' AND entity_id = $1`, [lotId])).rows[0]!.seq;
    const seqs = (await t.db.query<{ seq: string }>('SELECT seq::text AS seq FROM audit_log ORDER BY audit_log.seq')).rows.map((r) => r.seq);
    await asOwner(t.db, async () => {
      await t.db.query(`UPDATE audit_log SET after = '{"status": "released"}', signature_meaning = 'released' WHERE seq = $1::bigint`, [target]);
      await t.db.query(`UPDATE lots SET status = 'released' WHERE id = $1`, [lotId]);
      await rehashFrom(t.db, target);
    });
    const result = await verifyAuditChain(t.db, { anchor });
    expect(result.ok).toBe(false);
    // The chain itself is consistent again: only the signed checkpoints can tell.
    expect(result.breaks.filter((b) => b.problem === 'content_changed' || b.problem === 'link_broken')).toEqual([]);
    expect(result.breaks.filter((b) => b.problem === 'checkpoint_mismatch').map((b) => b.seq)).toEqual([seqs[99], seqs[199], seqs[249], seqs[254]]);
    expect(result.breaks[0]!.message).toMatch(new RegExp(`rows from the start up to ${seqs[99]} were rewritten`));
  });
});

describe('a removed tail, a forged checkpoint and a lot status set behind the audit trail', () => {
  let t: TestDb;
  let dir: string;
  let anchor: AuditAnchor;
  const key = parseAnchorKey(generateAnchorKeyPem());

  beforeAll(async () => {
    t = await openTestDb('audit_anchor_tail');
    dir = mkdtempSync(join(tmpdir(), 'lotline-anchor-'));
    anchor = { key, keyFrom: 'test', checkpointDir: join(dir, 'checkpoints') };
    await appendRows(t.db, 120, 'tail');
    const job = startAnchorJob(t.db, { key, checkpointDir: anchor.checkpointDir, everyRows: 50, everyMs: 3_600_000, onError: (e) => { throw e; } });
    await job.stop();
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second row that claims the same predecessor (UNIQUE prev_hash)', async () => {
    const last = (await t.db.query<{ prev_hash: string }>('SELECT prev_hash FROM audit_log ORDER BY seq DESC LIMIT 1')).rows[0]!.prev_hash;
    await expect(
      t.db.query(`INSERT INTO audit_log (id, at, actor_name, action, entity_type, prev_hash, hash) VALUES (gen_random_uuid(), now(), 'x', 'fork', 'item', $1, 'fork-hash')`, [last]),
    ).rejects.toThrow(/audit_log_prev_hash_key|unique/i);
  });

  it('names the removed newest rows by the checkpoint that covered them', async () => {
    const seqs = (await t.db.query<{ seq: string }>('SELECT seq::text AS seq FROM audit_log ORDER BY audit_log.seq')).rows.map((r) => r.seq);
    await asOwner(t.db, async () => {
      await t.db.query('DELETE FROM audit_log WHERE seq > $1::bigint', [seqs[109]]);
    });
    const result = await verifyAuditChain(t.db, { anchor });
    expect(result.ok).toBe(false);
    expect(result.breaks).toHaveLength(1);
    expect(result.breaks[0]).toMatchObject({ problem: 'rows_missing', seq: seqs[119] });
    expect(result.breaks[0]!.message).toContain(`the chain ends at row ${seqs[109]}`);
    expect(result.breaks[0]!.message).toContain(`rows after ${seqs[109]} up to ${seqs[119]} were removed`);
    expect(result.breaks[0]!.message).toContain('restored from an earlier backup');
  });

  it('reports a checkpoint line that was forged, edited or signed by another key', async () => {
    const file = readdirSync(anchor.checkpointDir)[0]!;
    const other = parseAnchorKey(generateAnchorKeyPem());
    const good = JSON.parse(readFileSync(join(anchor.checkpointDir, file), 'utf8').split('\n')[0]!) as { seq: string; hash: string };
    const wrongSignature = { ...good, hash: 'f'.repeat(64) };
    appendFileSync(join(anchor.checkpointDir, file), `${JSON.stringify(signCheckpoint(other, { seq: '999999', hash: 'a'.repeat(64) }, new Date()))}\n${JSON.stringify(wrongSignature)}\nnot json\n`);
    const result = await verifyAuditChain(t.db, { anchor });
    const lines = readFileSync(join(anchor.checkpointDir, file), 'utf8').trimEnd().split('\n').length;
    expect(result.breaks.filter((b) => b.problem !== 'rows_missing').map((b) => [b.problem, b.checkpoint?.line])).toEqual([
      ['checkpoint_unreadable', lines],
      ['checkpoint_forged', lines - 2],
      ['checkpoint_forged', lines - 1],
    ]);
    expect(result.breaks.find((b) => b.checkpoint?.line === lines - 2)!.message).toContain(`not this key ${key.keyId}`);
  });

  it('names a lot whose status was set directly in the database', async () => {
    const lotId = await makeLot(t.db, 'L-DIRECT-1');
    await t.db.query(`UPDATE lots SET status = 'released' WHERE id = $1`, [lotId]);
    const result = await verifyAuditChain(t.db, { anchor });
    const lots = result.breaks.filter((b) => b.problem === 'lot_status_mismatch');
    expect(lots).toEqual([expect.objectContaining({ lotId, seq: null })]);
    expect(lots[0]!.message).toContain('lot L-DIRECT-1');
    expect(lots[0]!.message).toContain('is released, but no status change of it was ever audited');
  });

  it('without the key the checkpoints cannot be checked, and says so', async () => {
    const result = await verifyAuditChain(t.db, { anchor: { ...anchor, key: null, keyFrom: '/nowhere/key.pem' } });
    expect(result.anchor.status).toBe('key_missing');
    expect(result.breaks.map((b) => b.problem)).toContain('anchor_key_missing');
  });
});

describe('a database restored from an earlier backup', () => {
  let t: TestDb;
  let dir: string;
  const key = parseAnchorKey(generateAnchorKeyPem());

  beforeAll(async () => {
    t = await openTestDb('audit_anchor_restore');
    dir = mkdtempSync(join(tmpdir(), 'lotline-anchor-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies with the checkpoints backed up with it, and says what happened when given the newer ones', async () => {
    const live = join(dir, 'checkpoints');
    const options = { key, checkpointDir: live, everyRows: 10, everyMs: 3_600_000, onError: (e: unknown) => { throw e; } };
    await appendRows(t.db, 30, 'before');
    await startAnchorJob(t.db, options).stop();
    const backupHead = (await t.db.query<{ seq: string }>('SELECT max(seq)::text AS seq FROM audit_log')).rows[0]!.seq;
    cpSync(live, join(dir, 'backed-up'), { recursive: true }); // the nightly job copies the checkpoints with the database
    await appendRows(t.db, 30, 'after');
    await startAnchorJob(t.db, options).stop();
    // The restore: the database as it was at the backup.
    await asOwner(t.db, async () => {
      await t.db.query('DELETE FROM audit_log WHERE seq > $1::bigint', [backupHead]);
    });
    expect(await verifyAuditChain(t.db, { anchor: { key, keyFrom: 'test', checkpointDir: join(dir, 'backed-up') } })).toMatchObject({ ok: true, breaks: [], anchor: { status: 'checked', latest: { seq: backupHead } } });
    const withNewer = await verifyAuditChain(t.db, { anchor: { key, keyFrom: 'test', checkpointDir: live } });
    expect(withNewer.breaks.map((b) => b.problem)).toEqual(['rows_missing']);
    expect(withNewer.breaks[0]!.message).toContain('If this database was restored from an earlier backup, restore the checkpoint directory from the same backup too');
  });
});
