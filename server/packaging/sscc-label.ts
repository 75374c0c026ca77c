import { logisticLabelZpl, type LogisticLabelInput } from '../../domain/labels';
import type { LabelVerifiedOp, PrintSsccOp } from '../../domain/ops';
import { labelContent } from '../../domain/packaging';
import { findIllFormedText } from '../../domain/text';
import { appendAudit, type Actor } from '../audit';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { issueSsccs } from '../numbering/sscc';
import { PRINT_CHANNEL } from '../printing/job-status';
import { getPrinter } from '../printing/printers';
import { textForPrinter } from '../printing/text-graphics';
import { loadTrees } from './containers';

/** The plant's part of every logistic label it prints, and where its SSCCs are numbered from. */
export interface LogisticsSettings {
  companyPrefix: string;
  extension: number;
  shipFrom: { name: string; address: string[] };
}

export async function readLogisticsSettings(db: Queryable): Promise<LogisticsSettings | null> {
  const found = await db.query<{ company_prefix: string; extension: number; ship_from_name: string; ship_from_address: string[] }>(
    'SELECT company_prefix, extension, ship_from_name, ship_from_address FROM logistics_settings',
  );
  const r = found.rows[0];
  return r ? { companyPrefix: r.company_prefix, extension: Number(r.extension), shipFrom: { name: r.ship_from_name, address: r.ship_from_address } } : null;
}

function checkPartyText(field: string, text: string, max: number): void {
  const broken = findIllFormedText(text);
  if (broken) throw new AppError(400, 'bad_request', `${field} holds ${broken.problem === 'nul' ? 'a NUL character' : 'a broken character (a lone surrogate)'}.`, { field });
  if (text.trim().length === 0 || [...text].length > max) throw new AppError(400, 'bad_request', `${field} takes 1 to ${max} characters.`, { field });
}

/** Sets the plant's logistics settings; the company prefix must be a whole GS1 prefix, as for any SSCC. */
export async function saveLogisticsSettings(db: Db, actor: Actor & { id: string }, settings: LogisticsSettings, checkPrefix: (prefix: string) => void): Promise<LogisticsSettings> {
  checkPrefix(settings.companyPrefix);
  checkPartyText('shipFrom.name', settings.shipFrom.name, 60);
  if (settings.shipFrom.address.length > 3) throw new AppError(400, 'bad_request', 'The ship-from address has at most 3 lines.', { field: 'shipFrom.address' });
  settings.shipFrom.address.forEach((line, i) => checkPartyText(`shipFrom.address.${i}`, line, 60));
  return db.transaction(async (tx) => {
    const before = await readLogisticsSettings(tx);
    await tx.query(
      `INSERT INTO logistics_settings (id, company_prefix, extension, ship_from_name, ship_from_address, updated_by, updated_at) VALUES (true, $1, $2, $3, $4, $5, now())
       ON CONFLICT (id) DO UPDATE SET company_prefix = EXCLUDED.company_prefix, extension = EXCLUDED.extension, ship_from_name = EXCLUDED.ship_from_name,
         ship_from_address = EXCLUDED.ship_from_address, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [settings.companyPrefix, settings.extension, settings.shipFrom.name.trim(), settings.shipFrom.address.map((l) => l.trim()), actor.id],
    );
    await appendAudit(tx, actor, [{ action: 'logistics.settings_changed', entityType: 'logistics_settings', entityId: 'plant', before, after: settings }]);
    return (await readLogisticsSettings(tx))!;
  });
}

/** How many SSCCs a handheld holds at most: a shift's cases and pallets, not a year's. */
export const MAX_DEVICE_BLOCK = 200;

/**
 * SSCCs issued to one handheld, so it can label new cases and pallets while offline. They are
 * issued like any other (counter, reuse window) and remembered as the device's.
 */
export async function issueDeviceBlock(db: Db, actor: Actor & { id: string }, device: { id: string; name: string }, count: number, reuseMonths: number): Promise<string[]> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_DEVICE_BLOCK) throw new AppError(400, 'bad_request', `A handheld takes 1 to ${MAX_DEVICE_BLOCK} SSCCs at a time.`, { field: 'count' });
  return db.transaction(async (tx) => {
    const settings = await readLogisticsSettings(tx);
    if (!settings) throw new AppError(409, 'logistics_not_set', 'The plant has no company prefix for SSCCs yet: an admin sets it under logistics settings.', { field: 'companyPrefix' });
    const purpose = `handheld ${device.name}: cases and pallets labelled offline`.slice(0, 200);
    const ssccs = await issueSsccs(tx, { companyPrefix: settings.companyPrefix, extension: settings.extension, count, purpose, userId: actor.id, deviceId: device.id, reuseMonths });
    await appendAudit(tx, actor, [{ action: 'sscc.issued', entityType: 'sscc', entityId: ssccs[0]!, after: { device: device.id, count: ssccs.length, first: ssccs[0], last: ssccs.at(-1), purpose } }]);
    return ssccs;
  });
}

export type SsccLabelResult = { ok: true; message: string; jobId: string } | { ok: false; code: string; field: string; message: string };

/** The container as it stands now, its row locked so two labels of it are drawn one after the other. */
async function containerNow(tx: Queryable, sscc: string): Promise<{ version: number; content: LogisticLabelInput['content'] } | null> {
  const row = await tx.query<{ version: number }>('SELECT version FROM containers WHERE sscc = $1 FOR UPDATE', [sscc]);
  if (row.rows.length === 0) return null;
  const { hierarchy } = await loadTrees(tx, [sscc]);
  return { version: Number(row.rows[0]!.version), content: labelContent(hierarchy, sscc) };
}

/**
 * Draws the logistic label a handheld asked for and puts it in the printer's queue, in the
 * push's transaction. Refused, writing nothing, for an SSCC Lotline did not issue, a printer it
 * does not know or that is off, a plant without a ship-from, or data the label cannot carry.
 */
export async function spoolSsccLabel(tx: Queryable, actor: Actor, opId: string, payload: PrintSsccOp): Promise<SsccLabelResult> {
  const refuse = (code: string, field: string, message: string): SsccLabelResult => ({ ok: false, code, field, message });
  const issued = await tx.query('SELECT 1 FROM sscc_issued WHERE sscc = $1', [payload.sscc]);
  if (issued.rows.length === 0) return refuse('sscc_not_issued', 'sscc', `Lotline did not issue SSCC ${payload.sscc}.`);
  const settings = await readLogisticsSettings(tx);
  if (!settings) return refuse('logistics_not_set', 'sscc', 'The plant has no ship-from for logistic labels yet.');
  const printer = await getPrinter(tx, payload.printer).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) return null;
    throw error;
  });
  if (!printer) return refuse('unknown_printer', 'printer', `No printer '${payload.printer}'.`);
  if (!printer.active) return refuse('printer_inactive', 'printer', `Printer ${printer.name} is switched off in the registry.`);
  if (printer.dpi === 600) return refuse('printer_dpi', 'printer', `Logistic labels are drawn for 203 or 300 dpi; ${printer.name} prints at 600.`);
  const now = await containerNow(tx, payload.sscc);
  // A reprint is asked for a container the handheld changed; one the server never heard of is
  // not a container whose label could be out of date (its packs were refused, or never sent).
  if (payload.forVersion !== undefined && !now) return refuse('unknown_container', 'sscc', `${payload.sscc} is not a case or pallet Lotline knows: nothing was packed in it.`);
  // Drawn from the container as it stands now, not as it stood at forVersion: the label goes on
  // the container as it is, and a label true of a version the container has left would be wrong
  // the moment it is stuck on. The version asked for and the version drawn are both recorded.
  const content = now?.content;
  const made = logisticLabelZpl({ sscc: payload.sscc, shipFrom: settings.shipFrom, content }, { size: payload.size, dpi: printer.dpi });
  if (!made.ok) return refuse('label_data_refused', made.field, made.message);
  const drawn = { sscc: payload.sscc, size: payload.size, content: content ?? null, forVersion: payload.forVersion ?? null, drawnVersion: now?.version ?? null };
  const zpl = textForPrinter(made.zpl, printer);
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO print_jobs (printer_id, sscc, data, copies, zpl, requested_by, op_id) VALUES ($1, $2, $3, 1, $4, $5, $6) RETURNING id`,
    [printer.id, payload.sscc, JSON.stringify(drawn), zpl, actor.id, opId],
  );
  const jobId = inserted.rows[0]!.id;
  if (now) await tx.query('UPDATE containers SET label_version = $2 WHERE sscc = $1', [payload.sscc, now.version]);
  await appendAudit(tx, actor, [{ action: 'label.sscc_requested', entityType: 'sscc', entityId: payload.sscc, after: { printer: printer.name, job: jobId, ...drawn } }]);
  await tx.query('SELECT pg_notify($1, $2)', [PRINT_CHANNEL, printer.id]);
  const moved = now && payload.forVersion !== undefined && now.version !== payload.forVersion ? ` (drawn for version ${now.version}: the handheld asked for ${payload.forVersion})` : '';
  return { ok: true, jobId, message: `logistic label of ${payload.sscc} queued on ${printer.name}${moved}` };
}

export type LabelVerifiedResult = { ok: true; message: string } | { ok: false; code: string; field: string; message: string };

/**
 * Records that a label scanned on the handheld matched the container at a version. The handheld
 * judged the scan; the server keeps the highest version verified, and a verification for a
 * version the container has since left leaves it shown as not verified, as it should.
 */
export async function recordLabelVerified(tx: Queryable, actor: Actor, opId: string, at: string, payload: LabelVerifiedOp): Promise<LabelVerifiedResult> {
  const row = await tx.query<{ version: number; label_version: number | null }>('SELECT version, label_version FROM containers WHERE sscc = $1 FOR UPDATE', [payload.sscc]);
  const c = row.rows[0];
  if (!c) return { ok: false, code: 'unknown_container', field: 'sscc', message: `${payload.sscc} is not a case or pallet Lotline knows.` };
  if (payload.version > Number(c.version)) return { ok: false, code: 'unknown_version', field: 'version', message: `${payload.sscc} is at version ${c.version}; version ${payload.version} was never made.` };
  await tx.query(
    `UPDATE containers SET label_verified_version = $2, label_verified_at = $3, label_verified_op = $4
      WHERE sscc = $1 AND (label_verified_version IS NULL OR label_verified_version <= $2)`,
    [payload.sscc, payload.version, at, opId],
  );
  await appendAudit(tx, actor, [{ action: 'label.sscc_verified', entityType: 'sscc', entityId: payload.sscc, after: { version: payload.version, containerVersion: Number(c.version), labelVersion: c.label_version } }]);
  const stale = payload.version < Number(c.version) ? ` (it is at version ${c.version} now)` : '';
  return { ok: true, message: `label of ${payload.sscc} verified for version ${payload.version}${stale}` };
}
