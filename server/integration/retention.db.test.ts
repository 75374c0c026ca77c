import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '../auth';
import { sequenceAll } from '../events';
import { runRetention } from '../retention-job';
import { openTestDb, type TestDb } from '../test-support/db';
import { createApiKey } from './api-keys';
import { pruneIdempotentAnswers } from './retention';

let t: TestDb;
let keyId: string;

beforeAll(async () => {
  t = await openTestDb('integration_retention');
  await ensureAdmin(t.db, 'retention-admin-pw');
  const admin = await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'admin'`);
  keyId = (await createApiKey(t.db, { id: admin.rows[0]!.id, name: 'admin', deviceId: null }, { integration: 'erp', scopes: ['read'] })).key.id;
});
afterAll(() => t.close());

/** A saved answer to an Idempotency-Key, `hoursAgo` old. */
async function answered(key: string, hoursAgo: number): Promise<void> {
  await t.db.query(
    `INSERT INTO integration_requests (integration, idempotency_key, route, request_hash, status, body, api_key_id, created_at)
     VALUES ('erp', $1, 'PUT /api/integration/items/:id', 'h', 201, '{}', $2, now() - make_interval(hours => $3::int))`,
    [key, keyId, hoursAgo],
  );
}

const keys = async () => (await t.db.query<{ k: string }>('SELECT idempotency_key AS k FROM integration_requests ORDER BY idempotency_key')).rows.map((r) => r.k);

describe('retention of integration state', () => {
  it('forgets idempotent answers older than the retention, and only those', async () => {
    await answered('old-1', 30);
    await answered('old-2', 25);
    await answered('fresh', 23);
    expect(await pruneIdempotentAnswers(t.db, 24)).toBe(2);
    expect(await keys()).toEqual(['fresh']);
    expect(await pruneIdempotentAnswers(t.db, 24)).toBe(0);
  });

  it('the job prunes delivered events, idempotent answers and closed key-failure windows in one pass', async () => {
    await answered('job-old', 48);
    await t.db.query(
      `INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload, occurred_at)
       SELECT 'lot', 'lot-J', 'lot.released', '{}', now() - make_interval(days => d) FROM unnest(ARRAY[100, 95, 1]) d`,
    );
    await sequenceAll(t.db);
    await t.db.query(`INSERT INTO api_key_failures (scope, subject, window_start, failures) VALUES ('address', '192.0.2.9', now() - interval '10 minutes', 11)`);
    const run = await runRetention(t.db, { eventDays: 90, idempotencyHours: 24, natsInUse: false });
    expect(run).toEqual({ events: 2, deliveries: 0, idempotentAnswers: 1, keyFailureWindows: 1 });
    expect(await keys()).toEqual(['fresh']);
    const left = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM domain_events');
    expect(left.rows[0]!.n).toBe(1);
  });
});
