import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidSscc } from '../../domain/sscc';
import { openPostgres, type Db } from '../db';
import { AppError } from '../errors';
import { openTestDb, type TestDb } from '../test-support/db';
import { issueSsccs, type SsccRequest } from './sscc';

let t: TestDb;
/** A second server instance on the same database, when the suite runs on PostgreSQL. */
let other: Db;

beforeAll(async () => {
  t = await openTestDb('sscc');
  other = t.postgres ? await openPostgres({ connectionString: t.postgres.url, schema: t.postgres.schema }) : t.db;
});
afterAll(async () => {
  if (other !== t.db) await other.close();
  await t.close();
});

const request = (extra: Partial<SsccRequest> = {}): SsccRequest => ({ companyPrefix: '0614141', extension: 3, count: 1, purpose: 'pallet for shipment S-1', userId: null, reuseMonths: 12, ...extra });

async function refusal(act: Promise<unknown>): Promise<AppError> {
  const error = await act.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('SSCC issue', () => {
  it('issues valid SSCCs of the prefix and extension, none twice when two instances issue at once', async () => {
    const burst = (db: Db) => Array.from({ length: 30 }, () => db.transaction((tx) => issueSsccs(tx, request({ count: 7 }))));
    const made = (await Promise.all([...burst(t.db), ...burst(other)])).flat();
    expect(made).toHaveLength(420);
    expect(new Set(made).size).toBe(420);
    for (const sscc of made) {
      expect(isValidSscc(sscc)).toBe(true);
      expect(sscc.slice(0, 8)).toBe('30614141');
    }
  });

  it('takes the counter past 999, 9,999 and 2^31 without losing a digit', async () => {
    // A 6-digit prefix (GS1 gives 03000… six digits) leaves ten digits of serial reference.
    await t.db.query(`INSERT INTO sscc_counters (company_prefix, extension, issued) VALUES ('030001', 4, 2147483646)`);
    const made = await t.db.transaction((tx) => issueSsccs(tx, request({ companyPrefix: '030001', extension: 4, count: 3 })));
    expect(made).toEqual(['40300012147483646', '40300012147483647', '40300012147483648'].map((body) => body + check(body)));
  });

  it('goes round the capacity and passes over SSCCs issued within the window, reissuing only those older than it', async () => {
    // A 12-digit prefix (GS1 gives 0000030… twelve digits) leaves four digits of serial
    // reference: 10,000 SSCCs an extension digit.
    const prefix = '000003012345';
    const all = await t.db.transaction((tx) => issueSsccs(tx, request({ companyPrefix: prefix, extension: 0, count: 10_000 })));
    expect(new Set(all).size).toBe(10_000);

    const full = await refusal(t.db.transaction((tx) => issueSsccs(tx, request({ companyPrefix: prefix, extension: 0 }))));
    expect(full.code).toBe('sscc_exhausted');
    expect(full.message).toMatch(/issued within the last 12 months: use another extension digit/);
    // The refusal wrote nothing: the counter did not move.
    expect((await t.db.query<{ issued: string }>(`SELECT issued::text FROM sscc_counters WHERE company_prefix = $1 AND extension = 0`, [prefix])).rows[0]!.issued).toBe('10000');

    // SSCCs 1 and 3 were issued 13 months ago: only they come round again.
    await t.db.query(`UPDATE sscc_issued SET issued_at = now() - interval '13 months' WHERE sscc = ANY($1)`, [[all[1], all[3]]]);
    const again = await t.db.transaction((tx) => issueSsccs(tx, request({ companyPrefix: prefix, extension: 0, count: 2, purpose: 'reuse' })));
    expect(again).toEqual([all[1], all[3]]);
    const kept = await t.db.query<{ purpose: string }>(`SELECT purpose FROM sscc_issued WHERE sscc = $1`, [all[1]]);
    expect(kept.rows[0]!.purpose).toBe('reuse');
  });

  it.each([
    [{ companyPrefix: '06141411' }, 422, 'bad_company_prefix', /not a whole GS1 Company Prefix/],
    [{ companyPrefix: '20123456' }, 422, 'bad_company_prefix', /without a company prefix/],
    [{ companyPrefix: '06141' }, 400, 'bad_request', /6 to 12 digits/],
    [{ extension: 10 }, 400, 'bad_request', /extension digit is 0 to 9/],
    [{ count: 0 }, 400, 'bad_request', /Between 1 and 10000/],
    [{ count: 10_001 }, 400, 'bad_request', /Between 1 and 10000/],
    [{ purpose: '  ' }, 400, 'bad_request', /Say what the SSCCs are for/],
    [{ purpose: 'pallet\u0000' }, 400, 'bad_request', /NUL/],
    [{ purpose: 'pallet \ud800' }, 400, 'bad_request', /lone surrogate/],
  ])('refuses %j with %i %s', async (extra, status, code, message) => {
    const error = await refusal(t.db.transaction((tx) => issueSsccs(tx, request(extra))));
    expect([error.status, error.code]).toEqual([status, code]);
    expect(error.message).toMatch(message);
  });

  it('keeps a full-width purpose as it was typed', async () => {
    const [sscc] = await t.db.transaction((tx) => issueSsccs(tx, request({ purpose: '托盘１号 for 上海' })));
    expect((await t.db.query<{ purpose: string }>('SELECT purpose FROM sscc_issued WHERE sscc = $1', [sscc])).rows[0]!.purpose).toBe('托盘１号 for 上海');
  });
});

function check(body: string): string {
  let sum = 0;
  for (let i = body.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) sum += Number(body[i]) * weight;
  return String((10 - (sum % 10)) % 10);
}
