import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../db';
import { runLotline, startLotline } from '../test-support/process';

// `lotline audit verify` as an auditor runs it: a real server signs checkpoints beside its data
// directory, someone with the database files rewrites it, and verify names every break.
const root = mkdtempSync(join(tmpdir(), 'lotline-audit-cli-'));
const dataDir = join(root, 'plant');
const env = { DATA_DIR: dataDir, LOTLINE_ADMIN_PASSWORD: 'audit-cli-admin-pw', LOTLINE_AUDIT_CHECKPOINT_ROWS: '5' };
const ESC_NAME = '\u001b[31mforged\u001b[0m';
let startOutput = '';

async function login(url: string, username: string) {
  return fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'not-the-password' }) });
}

async function signIn(url: string) {
  return fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: env.LOTLINE_ADMIN_PASSWORD }) });
}

beforeAll(async () => {
  const server = await startLotline(['--port', '0', '--demo'], env);
  try {
    expect((await login(server.url, 'bad\uD800name')).status).toBe(400);
    expect((await login(server.url, ESC_NAME)).status).toBe(401);
    // Sign-ins that succeed each leave a row, so the tail removed below lies after the changed row.
    for (let i = 0; i < 3; i++) expect((await signIn(server.url)).status).toBe(200);
  } finally {
    expect(await server.stop()).toBe(0);
    startOutput = server.output();
  }
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('lotline audit verify', () => {
  it('the server made its signing key and checkpoints beside the data directory, not in it, and said where', () => {
    expect(startOutput).toContain(`audit anchor: new signing key ${join(root, 'plant-audit-key.pem')}`);
    expect(existsSync(join(root, 'plant-audit-key.pem'))).toBe(true);
    expect(readdirSync(join(root, 'plant-audit-checkpoints')).length).toBeGreaterThan(0);
  });

  it('passes on the intact chain, checked against the signed checkpoints (exit 0)', async () => {
    const ok = await runLotline(['audit', 'verify'], env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^audit chain intact: \d+ rows, last row \d+/);
    expect(ok.stdout).toMatch(/anchor: \d+ signed checkpoints, the latest for row \d+ .*; 0 rows after it not yet anchored/);
  });

  it('lists every break (a changed row, a removed tail, a lot status set directly), prints record text escaped, and exits 1', async () => {
    const db = await openPglite(join(dataDir, 'pg'));
    let changed: string;
    let kept: string;
    let head: string;
    try {
      changed = (await db.query<{ seq: string }>("SELECT seq::text AS seq FROM audit_log WHERE action = 'auth.login_failed' AND after->>'attemptedName' LIKE '%forged%'")).rows[0]!.seq;
      const seqs = (await db.query<{ seq: string }>('SELECT seq::text AS seq FROM audit_log ORDER BY audit_log.seq DESC LIMIT 3')).rows.map((r) => r.seq);
      head = seqs[0]!;
      kept = seqs[2]!;
      await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await db.query(`UPDATE audit_log SET reason = 'nothing to see' WHERE seq = $1::bigint`, [changed]);
      await db.query('DELETE FROM audit_log WHERE seq > $1::bigint', [kept]);
      await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
      await db.query(`UPDATE lots SET status = 'released' WHERE lot_number = 'IS2411D'`);
    } finally {
      await db.close();
    }

    const broken = await runLotline(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    const lines = broken.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^audit chain BROKEN: 3 breaks in \d+ rows/);
    expect(lines[1]).toMatch(new RegExp(`^  content_changed at row ${changed} \\(id [0-9a-f-]+\\): row ${changed} \\(auth.login_failed auth [^)]+\\) was changed`));
    expect(lines[2]).toMatch(new RegExp(`^  rows_missing at row ${head}: the chain ends at row ${kept}, .* rows after ${kept} up to ${head} were removed`));
    expect(lines[3]).toMatch(/^ {2}lot_status_mismatch at lot [0-9a-f-]+: lot IS2411D \([0-9a-f-]+\) is released, but no status change of it was ever audited/);
    expect(lines[4]).toMatch(/^anchor: /);
    expect(broken.stdout).not.toContain('\u001b');

    const asJson = await runLotline(['audit', 'verify', '--json'], env);
    expect(asJson.code).toBe(1);
    const result = JSON.parse(asJson.stdout) as { ok: boolean; breakCount: number; breaks: { problem: string; seq: string | null }[] };
    expect(result.ok).toBe(false);
    expect(result.breaks.map((b) => b.problem)).toEqual(['content_changed', 'rows_missing', 'lot_status_mismatch']);
    expect(asJson.stdout).not.toContain('\u001b');
  });
});
