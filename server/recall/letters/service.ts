import { LetterError, buildLetter, type CaseLetters, type Jurisdiction, type LetterLang } from '../../../domain/recall';
import { appendAudit, type Actor } from '../../audit';
import type { Session } from '../../auth';
import { plantToday } from '../../clock';
import type { Db } from '../../db';
import { AppError } from '../../errors';
import { ensureReplyCode, type ReplyCodeKey } from './codes';
import { letterCase, letterConsignee, letterInput } from './content';
import { letterPage } from './page';
import { letterPdf } from './pdf';

const actorOf = (session: Session): Actor => ({ id: session.user.id, name: session.user.username, deviceId: session.deviceId });

/** The page a consignee answers on, as printed on the letter and in its QR. */
export const replyUrl = (baseUrl: string, code: string) => `${baseUrl.replace(/\/+$/, '')}/reply/${code}`;

/** Each consignee of the case with its code's state and the letters printed for it so far. */
export async function listLetters(db: Db, caseId: string): Promise<CaseLetters> {
  const c = await letterCase(db, caseId);
  const consignees = await db.query<{ customer_id: string; code: string; name: string; shipped: string; created_at: Date | null; used_at: Date | null }>(
    `SELECT f.customer_id, c.code, c.name, f.shipped::text, r.created_at, r.used_at
       FROM recall_case_consignees f JOIN customers c ON c.id = f.customer_id
       LEFT JOIN recall_reply_codes r ON r.case_id = f.case_id AND r.customer_id = f.customer_id
      WHERE f.case_id = $1 ORDER BY c.code`,
    [caseId],
  );
  const letters = await db.query<{ customer_id: string; jurisdiction: Jurisdiction; lang: LetterLang; format: 'pdf' | 'html'; issued_at: Date; issuer_name: string }>(
    'SELECT customer_id, jurisdiction, lang, format, issued_at, issuer_name FROM recall_letters WHERE case_id = $1 ORDER BY id',
    [caseId],
  );
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    jurisdictions: c.jurisdictions,
    consignees: consignees.rows.map((r) => ({
      customerId: r.customer_id,
      code: r.code,
      name: r.name,
      shipped: Number(r.shipped),
      replyCode: r.created_at ? { issuedAt: iso(r.created_at)!, answeredAt: iso(r.used_at) } : null,
      letters: letters.rows
        .filter((l) => l.customer_id === r.customer_id)
        .map((l) => ({ jurisdiction: l.jurisdiction, lang: l.lang, format: l.format, issuedAt: iso(l.issued_at)!, issuerName: l.issuer_name })),
    })),
  };
}

/**
 * Issues the reply code of every consignee that has none yet, in one transaction, audited. A code
 * is issued once per consignee per case and never replaced, so issuing again changes nothing for a
 * consignee that has one, answered or not.
 */
export async function issueReplyCodes(db: Db, session: Session, key: ReplyCodeKey, caseId: string) {
  await db.transaction(async (tx) => {
    const c = await letterCase(tx, caseId);
    await tx.query('SELECT id FROM recall_cases WHERE id = $1 FOR UPDATE', [caseId]);
    const consignees = await tx.query<{ customer_id: string; code: string }>(
      'SELECT f.customer_id, c.code FROM recall_case_consignees f JOIN customers c ON c.id = f.customer_id WHERE f.case_id = $1 ORDER BY c.code',
      [caseId],
    );
    const issued: string[] = [];
    for (const r of consignees.rows) if ((await ensureReplyCode(tx, key, caseId, r.customer_id, session.user.id)).created) issued.push(r.code);
    if (issued.length > 0) {
      await appendAudit(tx, actorOf(session), [{ action: 'recall.reply_codes_issued', entityType: 'recall_case', entityId: caseId, after: { caseNumber: c.number, consignees: issued } }]);
    }
  });
  return listLetters(db, caseId);
}

export interface LetterRequest {
  jurisdiction: Jurisdiction;
  lang: LetterLang;
  format: 'pdf' | 'html';
  baseUrl: string;
}

/**
 * One consignee's letter for one jurisdiction, as a PDF or the printable page. The issue is
 * recorded (who, when, language, jurisdiction, form) and audited in the same transaction that
 * made it, after the letter was drawn: a letter that failed to draw leaves no record.
 */
export async function issueLetter(db: Db, session: Session, key: ReplyCodeKey, caseId: string, customerId: string, request: LetterRequest): Promise<{ body: Buffer | string; filename: string }> {
  return db.transaction(async (tx) => {
    const c = await letterCase(tx, caseId);
    if (!c.jurisdictions.includes(request.jurisdiction)) {
      throw new AppError(422, 'jurisdiction_not_in_case', `Recall ${c.number} is not reported in ${request.jurisdiction}: its jurisdictions are ${c.jurisdictions.join(', ') || 'none'}.`, { field: 'jurisdiction' });
    }
    const consignee = await letterConsignee(tx, c, customerId);
    const reply = await ensureReplyCode(tx, key, caseId, customerId, session.user.id);
    const input = await letterInput(tx, c, consignee, { jurisdiction: request.jurisdiction, lang: request.lang, reply: { code: reply.code, url: replyUrl(request.baseUrl, reply.code) }, date: plantToday() });
    let letter;
    try {
      letter = buildLetter(input);
    } catch (e) {
      if (e instanceof LetterError) throw new AppError(422, e.code, e.message);
      throw e;
    }
    const body = request.format === 'pdf' ? await letterPdf(letter, { plant: 'Lotline', createdAt: new Date() }) : letterPage(letter);
    await tx.query('INSERT INTO recall_letters (case_id, customer_id, jurisdiction, lang, format, issued_by, issuer_name) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      caseId,
      customerId,
      request.jurisdiction,
      request.lang,
      request.format,
      session.user.id,
      session.user.username,
    ]);
    await appendAudit(tx, actorOf(session), [
      ...(reply.created ? [{ action: 'recall.reply_codes_issued', entityType: 'recall_case', entityId: caseId, after: { caseNumber: c.number, consignees: [consignee.code] } }] : []),
      {
        action: 'recall.letter_issued',
        entityType: 'recall_case',
        entityId: caseId,
        after: { caseNumber: c.number, customerCode: consignee.code, jurisdiction: request.jurisdiction, lang: request.lang, format: request.format, shipped: letter.shippedTotal },
      },
    ]);
    return { body, filename: `${c.number}-${consignee.code}-${request.jurisdiction}-${request.lang}.${request.format === 'pdf' ? 'pdf' : 'html'}` };
  });
}
