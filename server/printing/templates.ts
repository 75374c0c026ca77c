import { LabelTemplateSchema, TemplateError, compileTemplate, diffTemplates, type LabelTemplate, type TemplateChange } from '../../domain/labels';
import { templateHash } from '../../printers/render';
import { appendAudit, type Actor } from '../audit';
import type { SignInGuard } from '../auth/rate-limit';
import { sign } from '../auth/signature';
import type { Session } from '../auth';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { notifyChanges } from '../sync/notify';
import { checkTemplatePolicy } from './template-policy';
import { approvalUdiRefusal } from './udi-check';

export type TemplateStatus = 'draft' | 'approved' | 'retired';

export interface StoredTemplate {
  id: string;
  name: string;
  version: number;
  kind: 'layout' | 'zpl';
  status: TemplateStatus;
  contentHash: string;
  definition: LabelTemplate;
  createdBy: string | null;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
}

const SELECT = `SELECT t.id, t.name, t.version, t.kind, t.status, t.content_hash, t.definition, cu.username AS created_by, t.created_at,
       au.display_name AS approved_by, t.approved_at
  FROM label_templates t LEFT JOIN users cu ON cu.id = t.created_by LEFT JOIN users au ON au.id = t.approved_by`;

function toTemplate(r: Record<string, unknown>): StoredTemplate {
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return {
    id: r.id as string,
    name: r.name as string,
    version: r.version as number,
    kind: r.kind as StoredTemplate['kind'],
    status: r.status as TemplateStatus,
    contentHash: r.content_hash as string,
    definition: (typeof r.definition === 'string' ? JSON.parse(r.definition) : r.definition) as LabelTemplate,
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: iso(r.created_at)!,
    approvedBy: (r.approved_by as string | null) ?? null,
    approvedAt: iso(r.approved_at),
  };
}

/** Checks a template as saving must: the schema, the fields it names, and that it compiles. */
export function checkDefinition(input: unknown): LabelTemplate {
  const parsed = LabelTemplateSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError(422, 'bad_template', `${issue.path.join('.') || 'template'}: ${issue.message}`);
  }
  checkTemplatePolicy(parsed.data);
  try {
    compileTemplate(parsed.data);
  } catch (error) {
    if (error instanceof TemplateError) throw new AppError(422, 'bad_template', error.message, { problems: error.problems });
    throw error;
  }
  return parsed.data;
}

export async function listTemplates(db: Queryable): Promise<StoredTemplate[]> {
  return (await db.query<Record<string, unknown>>(`${SELECT} ORDER BY t.name, t.version DESC`)).rows.map(toTemplate);
}

export async function getTemplate(db: Queryable, id: string): Promise<StoredTemplate> {
  const found = await db.query<Record<string, unknown>>(`${SELECT} WHERE t.id = $1`, [id]);
  if (!found.rows[0]) throw new AppError(404, 'not_found', 'That template version was not found.');
  return toTemplate(found.rows[0]);
}

/** The version that prints under a name, or a clear refusal: drafts and retired versions never print. */
export async function approvedTemplate(db: Queryable, name: string): Promise<StoredTemplate> {
  const found = await db.query<Record<string, unknown>>(`${SELECT} WHERE t.name = $1 AND t.status = 'approved'`, [name]);
  if (!found.rows[0]) throw new AppError(422, 'no_approved_template', `Template '${name}' has no approved version: only an approved version prints.`);
  return toTemplate(found.rows[0]);
}

/** Saves a new draft version (the next number for its name). */
export async function saveDraft(db: Db, actor: Actor, input: unknown): Promise<StoredTemplate> {
  const definition = checkDefinition(input);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7701003, hashtext($1))', [definition.name]);
    const next = await tx.query<{ v: number }>('SELECT COALESCE(max(version), 0) + 1 AS v FROM label_templates WHERE name = $1', [definition.name]);
    const made = await tx.query<{ id: string }>(
      `INSERT INTO label_templates (name, version, kind, definition, content_hash, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [definition.name, next.rows[0]!.v, definition.kind, JSON.stringify(definition), templateHash(definition), actor.id],
    );
    const saved = await getTemplate(tx, made.rows[0]!.id);
    await appendAudit(tx, actor, [{ action: 'template.drafted', entityType: 'label_template', entityId: saved.id, after: { name: saved.name, version: saved.version, contentHash: saved.contentHash } }]);
    return saved;
  });
}

/**
 * QC approves a draft under an electronic signature; the version approved before it under the
 * same name is retired in the same transaction, so exactly one version prints. Whoever drafted
 * a version cannot approve it, whatever roles they hold: the approval is a second person's check.
 */
export async function approveTemplate(db: Db, session: Session, id: string, input: { password: string; reason: string }, guard?: SignInGuard): Promise<StoredTemplate> {
  const current = await getTemplate(db, id);
  if (current.status !== 'draft') throw new AppError(409, 'conflict', `Version ${current.version} of '${current.name}' is ${current.status}; only a draft can be approved.`);
  const author = await db.query<{ created_by: string | null }>('SELECT created_by FROM label_templates WHERE id = $1', [id]);
  if (author.rows[0]?.created_by === session.user.id) {
    const actor = { id: session.user.id, name: session.user.username, deviceId: session.deviceId };
    await db.transaction((tx) => appendAudit(tx, actor, [{ action: 'template.approval_refused', entityType: 'label_template', entityId: id, after: { name: current.name, version: current.version, why: 'own_draft' } }]));
    throw new AppError(403, 'separation_of_duties', `You drafted version ${current.version} of '${current.name}': another QC user must approve it.`);
  }
  // Judged before the signature is taken, so a refused approval leaves only its audit row.
  const udi = await approvalUdiRefusal(db, current.definition);
  if (udi) {
    const actor = { id: session.user.id, name: session.user.username, deviceId: session.deviceId };
    await db.transaction((tx) =>
      appendAudit(tx, actor, [{ action: 'template.approval_refused', entityType: 'label_template', entityId: id, after: { name: current.name, version: current.version, why: 'udi_mismatch', ...udi.details } }]),
    );
    throw udi;
  }
  const signature = await sign(db, session, input.password, 'approved', { entityType: 'label_template', entityId: id }, guard);
  return db.transaction(async (tx) => {
    const locked = await tx.query<{ status: string }>('SELECT status FROM label_templates WHERE id = $1 FOR UPDATE', [id]);
    if (locked.rows[0]?.status !== 'draft') throw new AppError(409, 'conflict', 'The template changed meanwhile; reload it.');
    // An item assigned or a DI record revised while the approver signed is judged too.
    const late = await approvalUdiRefusal(tx, current.definition);
    if (late) throw late;
    const retired = await tx.query<{ id: string; version: number }>(
      `UPDATE label_templates SET status = 'retired', retired_at = now() WHERE name = $1 AND status = 'approved' RETURNING id, version`,
      [current.name],
    );
    await tx.query(`UPDATE label_templates SET status = 'approved', approved_by = $2, approved_at = now() WHERE id = $1`, [id, session.user.id]);
    const actor = { id: session.user.id, name: session.user.username, deviceId: session.deviceId };
    await notifyChanges(tx, ['templates']);
    await appendAudit(tx, actor, [
      { action: 'template.approved', entityType: 'label_template', entityId: id, before: { status: 'draft' }, after: { name: current.name, version: current.version, contentHash: current.contentHash, signature, retired: retired.rows }, reason: input.reason, signatureMeaning: 'approved' },
    ]);
    return getTemplate(tx, id);
  });
}

export async function retireTemplate(db: Db, actor: Actor, id: string, reason: string): Promise<StoredTemplate> {
  return db.transaction(async (tx) => {
    const updated = await tx.query(`UPDATE label_templates SET status = 'retired', retired_at = now() WHERE id = $1 AND status <> 'retired' RETURNING id`, [id]);
    if (updated.rows.length === 0) throw new AppError(409, 'conflict', 'That version is already retired or does not exist.');
    await appendAudit(tx, actor, [{ action: 'template.retired', entityType: 'label_template', entityId: id, reason }]);
    await notifyChanges(tx, ['templates']);
    return getTemplate(tx, id);
  });
}

export async function diffVersions(db: Queryable, fromId: string, toId: string): Promise<{ from: StoredTemplate; to: StoredTemplate; changes: TemplateChange[] }> {
  const [from, to] = await Promise.all([getTemplate(db, fromId), getTemplate(db, toId)]);
  return { from, to, changes: diffTemplates(from.definition, to.definition) };
}
