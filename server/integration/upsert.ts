import type { z } from 'zod';
import { outcomeFor, refusedRow, type JudgedRow, type RowProblem, type RowResult } from '../../domain/integration';
import type { Collection } from '../../sync';
import type { Actor, AuditEntry } from '../audit';
import type { Queryable } from '../db';

/** A row's columns as they will be stored, or why they cannot be (an unknown reference). */
export type Mapped = { ok: true; columns: Record<string, unknown> } | { ok: false; problems: RowProblem[] };

/** A column (or expression) no two records may share, checked before anything is written. */
export interface NaturalKey {
  field: string;
  /** SQL over the table aliased `t`, as text. */
  sql: string;
  valueOf(columns: Record<string, unknown>): string;
}

/** How one kind of record is kept: the table, what identifies it, how a row maps to columns. */
export interface RecordSpec<R extends { externalId: string }> {
  entityType: string;
  table: string;
  schema: z.ZodType<R, unknown>;
  /** Fields two rows of one batch may not share besides the external id. */
  uniqueFields: readonly (keyof R & string)[];
  naturalKeys: readonly NaturalKey[];
  /**
   * A record entered before the integration (in the console, by the demo seed) and holding this
   * natural key is taken over by the first row that names it, instead of being refused.
   */
  adoptBy?: string;
  /** SQL for a jsonb of the stored columns, over `t`, keyed as `map` keys its columns. */
  stored: string;
  map(tx: Queryable, rows: readonly R[]): Promise<Mapped[]>;
  /** A change the record's history forbids (a work order's item once its lot is numbered). */
  refuseUpdate?(stored: Record<string, unknown>, columns: Record<string, unknown>): RowProblem | null;
  /** Inserts where creating means more than a row (a work order numbers its lot); ids in order. */
  create?(tx: Queryable, actor: Actor, rows: readonly { externalId: string; columns: Record<string, unknown> }[]): Promise<string[]>;
  /** Down collections handhelds must hear about when these records change. */
  collections?: readonly Collection[];
}

interface Stored {
  id: string;
  external_id: string | null;
  version: number;
  stored: Record<string, unknown>;
}

/** An update of a stored record that a batch is about to write. */
export interface PlannedUpdate {
  index: number;
  externalId: string;
  id: string;
  /** The record's row version as read under the batch's lock. */
  version: number;
  stored: Record<string, unknown>;
  columns: Record<string, unknown>;
}

/**
 * Takes the updates that must not be written now (a regulated change waiting for QC, a record
 * with a change already waiting) and answers them itself; the rest are written.
 */
export type UpdateGate = (tx: Queryable, updates: readonly PlannedUpdate[]) => Promise<{ results: Map<number, RowResult>; audit: AuditEntry[] }>;

/**
 * Writes updated columns over stored records, moving each row's version on; an approved change
 * request is written by the same statement the integration writes with.
 */
export async function updateRecords(tx: Queryable, table: string, rows: readonly ({ id: string; external_id: string } & Record<string, unknown>)[]): Promise<void> {
  const columns = Object.keys(rows[0]!).filter((c) => c !== 'id');
  const set = columns.map((col) => `${col} = r.${col}`).join(', ');
  await tx.query(`UPDATE ${table} t SET ${set}, version = t.version + 1, updated_at = now() FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb) r WHERE t.id = r.id`, [JSON.stringify(rows)]);
}

export interface UpsertResult {
  results: RowResult[];
  audit: AuditEntry[];
}

const plain = (value: Record<string, unknown>): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

/**
 * Creates or updates every good row of a batch in the caller's transaction and reports each row.
 * Integration writes to one table take turns (an advisory lock), so two batches naming the same
 * external id cannot both decide to create it.
 */
export async function upsertRows<R extends { externalId: string }>(tx: Queryable, actor: Actor, spec: RecordSpec<R>, judged: readonly JudgedRow<R>[], gate?: UpdateGate): Promise<UpsertResult> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`integration:${spec.table}`]);
  const results: RowResult[] = [];
  const valid: Extract<JudgedRow<R>, { ok: true }>[] = [];
  for (const row of judged) {
    if (row.ok) valid.push(row);
    else results[row.index] = refusedRow(row);
  }
  const mapped = await spec.map(
    tx,
    valid.map((v) => v.value),
  );
  const candidates: { index: number; externalId: string; columns: Record<string, unknown> }[] = [];
  valid.forEach((row, i) => {
    const m = mapped[i]!;
    if (m.ok) candidates.push({ index: row.index, externalId: row.externalId, columns: plain(m.columns) });
    else results[row.index] = refusedRow({ index: row.index, externalId: row.externalId, problems: m.problems });
  });

  const existing = new Map<string, Stored>();
  const found = await tx.query<Stored>(`SELECT t.id, t.external_id, t.version, ${spec.stored} AS stored FROM ${spec.table} t WHERE t.external_id = ANY($1::text[])`, [candidates.map((c) => c.externalId)]);
  for (const row of found.rows) existing.set(row.external_id!, row);

  const owners = new Map<string, Map<string, Stored>>();
  for (const key of spec.naturalKeys) {
    const values = [...new Set(candidates.map((c) => key.valueOf(c.columns)))];
    const held = await tx.query<Stored & { value: string }>(`SELECT t.id, t.external_id, t.version, ${spec.stored} AS stored, (${key.sql}) AS value FROM ${spec.table} t WHERE (${key.sql}) = ANY($1::text[])`, [values]);
    owners.set(key.field, new Map(held.rows.map((r) => [r.value, r])));
  }

  const adopted = new Set<string>();
  // Natural keys the rows of this batch hold, so two rows cannot both take one (PO kind + number).
  const claimed = new Map<string, number>();
  const creates: typeof candidates = [];
  const updates: { candidate: (typeof candidates)[number]; before: Stored }[] = [];
  for (const c of candidates) {
    let before = existing.get(c.externalId);
    let problem: RowProblem | null = null;
    for (const key of spec.naturalKeys) {
      const value = key.valueOf(c.columns);
      const owner = owners.get(key.field)!.get(value);
      if (!owner || owner.id === before?.id) continue;
      if (key.field === spec.adoptBy && owner.external_id === null && !before && !adopted.has(owner.id)) {
        before = owner;
        adopted.add(owner.id);
        continue;
      }
      const who = owner.external_id === null ? `a ${spec.entityType} entered in Lotline without an external id` : `${spec.entityType} ${owner.external_id}`;
      problem = { field: key.field, message: `${value} is already used by ${who}`, code: 'conflict' };
      break;
    }
    for (const key of problem ? [] : spec.naturalKeys) {
      const earlier = claimed.get(`${key.field}\u0000${key.valueOf(c.columns)}`);
      if (earlier !== undefined) problem = { field: key.field, message: `repeats row ${earlier} of this batch`, code: 'duplicate' };
    }
    if (!problem && before) problem = spec.refuseUpdate?.(before.stored, c.columns) ?? null;
    if (problem) {
      results[c.index] = refusedRow({ index: c.index, externalId: c.externalId, problems: [problem] });
      continue;
    }
    for (const key of spec.naturalKeys) claimed.set(`${key.field}\u0000${key.valueOf(c.columns)}`, c.index);
    // Taking over a record writes its external id even when nothing else changes.
    const outcome = before && before.external_id === null ? 'updated' : outcomeFor(before?.stored, c.columns);
    if (outcome === 'created') creates.push(c);
    else if (outcome === 'updated') updates.push({ candidate: c, before: before! });
    else results[c.index] = { index: c.index, externalId: c.externalId, outcome, id: before!.id };
  }

  const audit: AuditEntry[] = [];
  if (creates.length > 0) {
    let ids: string[];
    if (spec.create) ids = await spec.create(tx, actor, creates);
    else {
      const columns = Object.keys(creates[0]!.columns);
      const list = ['external_id', ...columns].join(', ');
      const made = await tx.query<{ id: string }>(
        `INSERT INTO ${spec.table} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${spec.table}, $1::jsonb) WITH ORDINALITY AS r ORDER BY r.ordinality RETURNING id`,
        [JSON.stringify(creates.map((c) => ({ external_id: c.externalId, ...c.columns })))],
      );
      ids = made.rows.map((r) => r.id);
    }
    creates.forEach((c, i) => {
      results[c.index] = { index: c.index, externalId: c.externalId, outcome: 'created', id: ids[i]! };
      audit.push({ action: `${spec.entityType}.created`, entityType: spec.entityType, entityId: ids[i]!, after: { externalId: c.externalId, ...c.columns } });
    });
  }
  let toWrite = updates;
  if (gate && updates.length > 0) {
    const gated = await gate(
      tx,
      updates.map((u) => ({ index: u.candidate.index, externalId: u.candidate.externalId, id: u.before.id, version: u.before.version, stored: u.before.stored, columns: u.candidate.columns })),
    );
    for (const [index, result] of gated.results) results[index] = result;
    audit.push(...gated.audit);
    toWrite = updates.filter((u) => !gated.results.has(u.candidate.index));
  }
  if (toWrite.length > 0) {
    await updateRecords(
      tx,
      spec.table,
      toWrite.map((u) => ({ id: u.before.id, external_id: u.candidate.externalId, ...u.candidate.columns })),
    );
    for (const u of toWrite) {
      const c = u.candidate;
      results[c.index] = { index: c.index, externalId: c.externalId, outcome: 'updated', id: u.before.id };
      audit.push({ action: `${spec.entityType}.updated`, entityType: spec.entityType, entityId: u.before.id, before: { externalId: u.before.external_id, ...u.before.stored }, after: { externalId: c.externalId, ...c.columns } });
    }
  }
  return { results, audit };
}
