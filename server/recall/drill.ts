import { createHash } from 'node:crypto';
import { drillPasses, drillPercent, drillTimings, type DrillTimings } from '../../domain/recall';
import { drillReport, type DrillResult } from '../../domain/recall/reports';
import { appendAudit } from '../audit';
import type { Session } from '../auth';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { insertRecallCase, recallTermsOf } from './cases';
import { describeInput } from './reports/facts';
import { contentTypeOf, renderReport, type RenderedReport, type ReportFormat } from './reports/generate';
import { readScope, type ScopeStage } from './scope';
import type { ScopeInput } from './scope-input';

export interface Drill extends DrillResult {
  caseId: string;
  timings: DrillTimings;
}

export interface DrillRequest {
  scope: ScopeInput;
  reason?: string | undefined;
}

const iso = (d: Date) => d.toISOString();

/**
 * A mock recall: the same scope the real case would freeze, read against the live books, with a
 * stopwatch the server keeps from the start to the lots, the consignee list and the mass balance
 * each being ready. It leaves a draft drill case behind and nothing else: no lot is held, no
 * letter goes out and no state changes unless someone opens the drill case under signature.
 */
export async function runDrill(db: Db, session: Session, request: DrillRequest): Promise<Drill> {
  const startedAt = new Date();
  const stamps: Partial<Record<ScopeStage, Date>> = {};
  const caseId = await db.transaction(async (tx) => {
    const scope = await readScope(tx, request.scope, (stage) => {
      stamps[stage] = new Date();
    });
    const reason = request.reason?.trim() || `Mock recall drill of ${scope.described}`;
    const input = { reason, scope: request.scope, drill: true };
    const id = await insertRecallCase(tx, session, input, recallTermsOf(input), session.user.id, scope);
    const { broughtIn, accounted } = scope.balance;
    const percent = drillPercent(accounted, broughtIn);
    const passed = drillPasses(percent);
    const [scopeAt, consigneesAt, balanceAt] = [stamps.scope!, stamps.consignees!, stamps.balance!];
    await tx.query(
      `INSERT INTO recall_drills (case_id, started_at, scope_ready_at, consignees_ready_at, balance_ready_at, lots, consignees, shipment_lines, brought_in, accounted, percent, passed, started_by, starter_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [id, startedAt, scopeAt, consigneesAt, balanceAt, scope.lots.length, scope.consignees.length, scope.shipmentLines.length, broughtIn, accounted, percent, passed, session.user.id, session.user.username],
    );
    const timings = drillTimings({ startedAt: iso(startedAt), scopeReadyAt: iso(scopeAt), consigneesReadyAt: iso(consigneesAt), balanceReadyAt: iso(balanceAt) });
    await appendAudit(tx, { id: session.user.id, name: session.user.username, deviceId: session.deviceId }, [
      { action: 'recall.drill', entityType: 'recall_case', entityId: id, after: { described: scope.described, lots: scope.lots.length, consignees: scope.consignees.length, broughtIn, accounted, percent, passed, ...timings } },
    ]);
    return id;
  });
  return readDrill(db, caseId);
}

interface DrillRow {
  case_id: string;
  number: string;
  scope_input: ScopeInput;
  started_at: Date;
  scope_ready_at: Date;
  consignees_ready_at: Date;
  balance_ready_at: Date;
  lots: number;
  consignees: number;
  shipment_lines: number;
  brought_in: string;
  accounted: string;
  percent: string | null;
  passed: boolean;
  starter_name: string;
}

const DRILL_SELECT = `SELECT d.case_id, c.number, c.scope_input, d.started_at, d.scope_ready_at, d.consignees_ready_at, d.balance_ready_at, d.lots, d.consignees, d.shipment_lines,
       d.brought_in::text, d.accounted::text, d.percent::text, d.passed, d.starter_name
  FROM recall_drills d JOIN recall_cases c ON c.id = d.case_id`;

function toDrill(r: DrillRow): Drill {
  const stopwatch = { startedAt: iso(new Date(r.started_at)), scopeReadyAt: iso(new Date(r.scope_ready_at)), consigneesReadyAt: iso(new Date(r.consignees_ready_at)), balanceReadyAt: iso(new Date(r.balance_ready_at)) };
  return {
    caseId: r.case_id,
    caseNumber: r.number,
    scopeDescribed: describeInput(r.scope_input),
    stopwatch,
    timings: drillTimings(stopwatch),
    lots: r.lots,
    consignees: r.consignees,
    shipmentLines: r.shipment_lines,
    broughtIn: Number(r.brought_in),
    accounted: Number(r.accounted),
    percent: r.percent === null ? null : Number(r.percent),
    passed: r.passed,
    startedBy: r.starter_name,
  };
}

export async function readDrill(db: Queryable, caseId: string): Promise<Drill> {
  const found = await db.query<DrillRow>(`${DRILL_SELECT} WHERE d.case_id = $1`, [caseId]);
  if (found.rows.length === 0) throw new AppError(404, 'not_found', 'That case has no drill run.');
  return toDrill(found.rows[0]!);
}

/** The latest drill, for the dashboard; null before the first. */
export async function lastDrill(db: Queryable): Promise<Drill | null> {
  const found = await db.query<DrillRow>(`${DRILL_SELECT} ORDER BY d.started_at DESC, c.number DESC LIMIT 1`);
  return found.rows[0] ? toDrill(found.rows[0]) : null;
}

/** The drill's report, audited like every report of a case. */
export async function generateDrillReport(db: Db, session: Session, caseId: string, format: ReportFormat, now: Date = new Date()): Promise<RenderedReport> {
  const drill = await readDrill(db, caseId);
  const report = drillReport(drill, now.toISOString());
  const body = await renderReport(report, format);
  const sha256 = createHash('sha256').update(body).digest('hex');
  await db.transaction((tx) =>
    appendAudit(tx, { id: session.user.id, name: session.user.username, deviceId: session.deviceId }, [
      { action: 'recall.report', entityType: 'recall_case', entityId: caseId, after: { number: drill.caseNumber, report: 'drill', format, sha256, bytes: body.length, percent: drill.percent, passed: drill.passed } },
    ]),
  );
  return { filename: `${drill.caseNumber}-drill.${format}`, contentType: contentTypeOf(format), body, reference: drill.caseNumber };
}
