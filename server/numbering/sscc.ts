import { UnknownCompanyPrefixError, companyPrefixLength } from '../../domain/epc';
import { composeSscc, nextReferences, ssccCapacity } from '../../domain/sscc';
import { findIllFormedText } from '../../domain/text';
import { appendAudit, type Actor } from '../audit';
import type { Db, Queryable } from '../db';
import { prefixLengths } from '../epc/prefix-lengths';
import { AppError } from '../errors';

export interface SsccRequest {
  companyPrefix: string;
  extension: number;
  count: number;
  /** What the SSCCs are for (a pallet of a shipment, a case of a work order), kept with each. */
  purpose: string;
  userId: string | null;
  /** The handheld that holds them for labelling offline, when issued to one. */
  deviceId?: string | null | undefined;
  /** An SSCC is not issued again within this many months of its last issue (GS1: 12 at least). */
  reuseMonths: number;
}

export const MAX_SSCCS_AT_ONCE = 10_000;

/**
 * The GS1 Company Prefix must be one GS1 allocated with this many digits: a 7-digit prefix typed
 * where the plant holds a 9-digit one would make SSCCs of another company. A prefix newer than
 * the shipped table is taken as given.
 */
export function checkCompanyPrefix(companyPrefix: string): void {
  if (!/^\d{6,12}$/.test(companyPrefix)) throw new AppError(400, 'bad_request', 'A GS1 Company Prefix has 6 to 12 digits.', { field: 'companyPrefix' });
  let length: number;
  try {
    length = companyPrefixLength(prefixLengths(), companyPrefix.padEnd(12, '0'));
  } catch (error) {
    if (error instanceof UnknownCompanyPrefixError && !/reserves/.test(error.message)) return;
    throw new AppError(422, 'bad_company_prefix', `${companyPrefix} cannot start SSCCs: ${(error as Error).message}`, { field: 'companyPrefix' });
  }
  if (length !== companyPrefix.length) {
    throw new AppError(422, 'bad_company_prefix', `GS1 allocates company prefixes starting ${companyPrefix.slice(0, 3)}… here with ${length} digits, not ${companyPrefix.length}: ${companyPrefix} is not a whole GS1 Company Prefix.`, { field: 'companyPrefix' });
  }
}

/**
 * Issues the next SSCCs of a company prefix and extension digit in the caller's transaction.
 * The counter row serialises allocations across server instances; the issued table refuses an
 * SSCC issued within the reuse window, so after the counter has gone round the capacity an SSCC
 * still in use is passed over, never issued twice. Answers them in issue order.
 */
export async function issueSsccs(tx: Queryable, request: SsccRequest): Promise<string[]> {
  checkCompanyPrefix(request.companyPrefix);
  if (!Number.isInteger(request.extension) || request.extension < 0 || request.extension > 9) throw new AppError(400, 'bad_request', 'The extension digit is 0 to 9.', { field: 'extension' });
  if (!Number.isInteger(request.count) || request.count < 1 || request.count > MAX_SSCCS_AT_ONCE) throw new AppError(400, 'bad_request', `Between 1 and ${MAX_SSCCS_AT_ONCE} SSCCs can be issued at once.`, { field: 'count' });
  const purpose = request.purpose.trim();
  const illFormed = findIllFormedText(purpose);
  if (purpose.length === 0 || purpose.length > 200 || illFormed) throw new AppError(400, 'bad_request', illFormed ? `The purpose holds ${illFormed.problem === 'nul' ? 'a NUL character' : 'a broken character (a lone surrogate)'}.` : 'Say what the SSCCs are for, in 1 to 200 characters.', { field: 'purpose' });
  const capacity = ssccCapacity(request.companyPrefix);
  const issued: string[] = [];
  let tried = 0n;
  while (issued.length < request.count) {
    const need = request.count - issued.length;
    const left = capacity - tried;
    if (left <= 0n) {
      throw new AppError(409, 'sscc_exhausted', `Every SSCC of company prefix ${request.companyPrefix} with extension digit ${request.extension} was issued within the last ${request.reuseMonths} months: use another extension digit.`, {
        field: 'extension',
      });
    }
    // Looks ahead past SSCCs still in use, a chunk at a time; the counter row stays locked by this
    // transaction, so what is chosen here is this allocation's alone.
    const chunk = Number(left < BigInt(Math.max(need, 1000)) ? left : BigInt(Math.max(need, 1000)));
    const bumped = await tx.query<{ issued: string }>(
      `INSERT INTO sscc_counters (company_prefix, extension, issued) VALUES ($1, $2, $3)
       ON CONFLICT (company_prefix, extension) DO UPDATE SET issued = sscc_counters.issued + EXCLUDED.issued
       RETURNING issued::text`,
      [request.companyPrefix, request.extension, chunk],
    );
    const start = BigInt(bumped.rows[0]!.issued) - BigInt(chunk);
    const candidates = nextReferences(start, chunk, capacity).map((reference) => composeSscc(request.extension, request.companyPrefix, reference));
    const inUse = await tx.query<{ sscc: string }>(`SELECT sscc FROM sscc_issued WHERE sscc = ANY($1::text[]) AND issued_at >= now() - make_interval(months => $2)`, [candidates, request.reuseMonths]);
    const blocked = new Set(inUse.rows.map((r) => r.sscc));
    const chosen: string[] = [];
    let used = chunk;
    for (let i = 0; i < candidates.length; i++) {
      if (blocked.has(candidates[i]!)) continue;
      chosen.push(candidates[i]!);
      if (chosen.length === need) {
        used = i + 1;
        break;
      }
    }
    // The counter moves only past what was looked at: the rest of the chunk is issued next time.
    if (used < chunk) await tx.query('UPDATE sscc_counters SET issued = $3 WHERE company_prefix = $1 AND extension = $2', [request.companyPrefix, request.extension, (start + BigInt(used)).toString()]);
    tried += BigInt(used);
    if (chosen.length === 0) continue;
    await tx.query(
      `INSERT INTO sscc_issued (sscc, issued_by, purpose, device_id) SELECT s, $2, $3, $4 FROM unnest($1::text[]) AS s
       ON CONFLICT (sscc) DO UPDATE SET issued_at = now(), issued_by = EXCLUDED.issued_by, purpose = EXCLUDED.purpose, device_id = EXCLUDED.device_id`,
      [chosen, request.userId, purpose, request.deviceId ?? null],
    );
    issued.push(...chosen);
  }
  return issued;
}

export interface IssuedSscc {
  sscc: string;
  issuedAt: string;
  issuedBy: string | null;
  purpose: string;
}

/**
 * Issues SSCCs for a person in one transaction with one audit row for the whole issue: a run of
 * 10,000 pallet numbers is one decision, not 10,000.
 */
export async function issueSsccsFor(db: Db, actor: Actor & { id: string }, request: Omit<SsccRequest, 'userId'>): Promise<string[]> {
  return db.transaction(async (tx) => {
    const ssccs = await issueSsccs(tx, { ...request, userId: actor.id });
    await appendAudit(tx, actor, [
      {
        action: 'sscc.issued',
        entityType: 'sscc',
        entityId: ssccs[0]!,
        after: { companyPrefix: request.companyPrefix, extension: request.extension, count: ssccs.length, first: ssccs[0], last: ssccs.at(-1), purpose: request.purpose.trim() },
      },
    ]);
    return ssccs;
  });
}

/** Who issued an SSCC, when and what for; null when Lotline never issued it. */
export async function findIssuedSscc(db: Queryable, sscc: string): Promise<IssuedSscc | null> {
  const found = await db.query<{ sscc: string; issued_at: Date; issued_by: string | null; purpose: string }>(
    `SELECT s.sscc, s.issued_at, u.username AS issued_by, s.purpose FROM sscc_issued s LEFT JOIN users u ON u.id = s.issued_by WHERE s.sscc = $1`,
    [sscc],
  );
  const r = found.rows[0];
  return r ? { sscc: r.sscc, issuedAt: new Date(r.issued_at).toISOString(), issuedBy: r.issued_by, purpose: r.purpose } : null;
}
