import { createHash } from 'node:crypto';
import { REPORT_JURISDICTION, REPORT_MEETS, caseReport, caseSequence, fdaReportNumber, type CaseReportKind, type ReportDocument } from '../../../domain/recall/reports';
import { appendAudit } from '../../audit';
import type { Session } from '../../auth';
import { plantToday } from '../../clock';
import type { Db, Queryable } from '../../db';
import { AppError } from '../../errors';
import { getRecall, type RecallCase } from '../cases';
import { caseClocks } from '../deadlines';
import { insertCaseEvent } from '../events';
import { renderCsv } from './csv';
import { readManufacturer, readReportFacts } from './facts';
import { renderReportPdf } from './pdf';

export type ReportFormat = 'pdf' | 'csv';

export interface RenderedReport {
  filename: string;
  contentType: string;
  body: Buffer;
  reference: string;
}

/**
 * The 806.10 number is fixed the first time the report is made — the date in it is that day's —
 * so a report made again the next week carries the same number the FDA already has.
 */
async function fdaNumberOf(db: Queryable, c: RecallCase, today: string): Promise<string | null> {
  const earlier = await db.query<{ n: string }>(
    `SELECT detail->>'reportNumber' AS n FROM recall_case_events WHERE case_id = $1 AND kind = 'report_generated' AND detail->>'report' = 'fda-806' AND detail ? 'reportNumber' ORDER BY id LIMIT 1`,
    [c.id],
  );
  if (earlier.rows[0]) return earlier.rows[0].n;
  const registration = (await readManufacturer(db))?.fdaRegistration ?? null;
  return registration === null ? null : fdaReportNumber(registration, today, caseSequence(c.number), 'removal');
}

export const renderReport = (report: ReportDocument, format: ReportFormat): Promise<Buffer> => (format === 'pdf' ? renderReportPdf(report) : Promise.resolve(renderCsv(report)));

export const contentTypeOf = (format: ReportFormat) => (format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8');

/**
 * Generates one of a case's reports on demand. Generating is an act on the case: it is audited
 * with the file's hash (which copy went out can be proved later), and the first report that
 * answers a regulator's clock meets it.
 */
export async function generateCaseReport(db: Db, session: Session, caseId: string, kind: CaseReportKind, format: ReportFormat, now: Date = new Date()): Promise<RenderedReport> {
  const found = await getRecall(db, caseId);
  if (found.openedAt === null) throw new AppError(409, 'case_not_open', `Recall ${found.number} has not opened: it has no frozen scope to report on.`);
  const jurisdiction = REPORT_JURISDICTION[kind];
  if (jurisdiction !== null && !found.terms.jurisdictions.includes(jurisdiction)) {
    throw new AppError(422, 'report_not_applicable', `Recall ${found.number} is not a recall in ${jurisdiction} (${found.terms.jurisdictions.join(', ') || 'no jurisdiction'}): no ${kind} report.`, { jurisdictions: found.terms.jurisdictions });
  }
  const today = plantToday(now);
  return db.transaction(async (tx) => {
    const clocks = await caseClocks(tx, found, today);
    const facts = await readReportFacts(tx, found, clocks, session, now);
    const reportNumber = kind === 'fda-806' ? await fdaNumberOf(tx, found, today) : null;
    const report = caseReport(kind, facts, reportNumber);
    const body = await renderReport(report, format);
    const sha256 = createHash('sha256').update(body).digest('hex');
    const meets = found.drill ? null : (REPORT_MEETS[kind] ?? null);
    const detail = { report: kind, format, sha256, ...(reportNumber ? { reportNumber } : {}) };
    await insertCaseEvent(tx, session, { caseId, kind: 'report_generated', deadline: meets, detail, happenedOn: today });
    await appendAudit(tx, { id: session.user.id, name: session.user.username, deviceId: session.deviceId }, [
      { action: 'recall.report', entityType: 'recall_case', entityId: caseId, after: { number: found.number, ...detail, bytes: body.length, ...(meets ? { meets } : {}) } },
    ]);
    return { filename: `${found.number}-${kind}.${format}`, contentType: contentTypeOf(format), body, reference: report.reference };
  });
}
