import type { HostStatus } from '../../printers/transport';
import { appendAudit, type Actor } from '../audit';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { notifyChanges } from '../sync/notify';
import { checkPrinterHost, localPrintersAllowed } from './printer-address';
import { checkRfidPolicy } from './rfid-policy';

export type PrinterState = 'unknown' | 'ready' | 'offline' | 'paper_out' | 'head_open' | 'paused' | 'not_ready';

export interface Printer {
  id: string;
  name: string;
  host: string;
  port: number;
  dpi: 203 | 300 | 600;
  locationCode: string | null;
  /** A CJK font file on the printer (E:SIMSUN.TTF); without one, Chinese text is sent as a picture. */
  cjkFont: string | null;
  active: boolean;
  state: PrinterState;
  stateDetail: string | null;
  stateAt: string | null;
  notReadySince: string | null;
  alertAfterSeconds: number;
  /** Not ready for longer than its alert threshold: the console raises it. */
  alerting: boolean;
  queued: number;
  /** Sent, and held by the printer until it says it printed them. */
  inPrinter: number;
  uncertain: number;
  /** Where set, overrides the RFID templates' retries; and how long this printer gets to read a tag back. */
  rfidPolicy: PrinterRfidPolicy;
  version: number;
}

export interface PrinterRfidPolicy {
  /** false: a label whose tag failed is never tried again on this printer, whatever its template says. */
  retry: boolean;
  /** Labels tried again after a failed tag; null: the template's `retries`. */
  retries: number | null;
  /** How long the spool waits for a label's read-back; null: the spool's answer timeout. */
  readBackTimeoutMs: number | null;
}

const SELECT = `SELECT p.id, p.name, p.host, p.port, p.dpi, p.location_code, p.cjk_font, p.active, p.state, p.state_detail, p.state_at, p.not_ready_since,
       p.alert_after_seconds, p.version, p.rfid_retry, p.rfid_retries, p.rfid_read_back_timeout_ms,
       p.not_ready_since IS NOT NULL AND now() - p.not_ready_since > make_interval(secs => p.alert_after_seconds) AS alerting,
       (SELECT count(*)::int FROM print_jobs j WHERE j.printer_id = p.id AND j.status = 'queued') AS queued,
       (SELECT count(*)::int FROM print_jobs j WHERE j.printer_id = p.id AND j.status = 'in_printer') AS in_printer,
       (SELECT count(*)::int FROM print_jobs j WHERE j.printer_id = p.id AND j.status = 'uncertain') AS uncertain
  FROM printers p`;

function toPrinter(r: Record<string, unknown>): Printer {
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return {
    id: r.id as string,
    name: r.name as string,
    host: r.host as string,
    port: r.port as number,
    dpi: r.dpi as Printer['dpi'],
    locationCode: (r.location_code as string | null) ?? null,
    cjkFont: (r.cjk_font as string | null) ?? null,
    active: r.active as boolean,
    state: r.state as PrinterState,
    stateDetail: (r.state_detail as string | null) ?? null,
    stateAt: iso(r.state_at),
    notReadySince: iso(r.not_ready_since),
    alertAfterSeconds: r.alert_after_seconds as number,
    alerting: r.alerting as boolean,
    queued: r.queued as number,
    inPrinter: r.in_printer as number,
    uncertain: r.uncertain as number,
    rfidPolicy: { retry: r.rfid_retry as boolean, retries: (r.rfid_retries as number | null) ?? null, readBackTimeoutMs: (r.rfid_read_back_timeout_ms as number | null) ?? null },
    version: r.version as number,
  };
}

export async function listPrinters(db: Queryable, activeOnly = false): Promise<Printer[]> {
  return (await db.query<Record<string, unknown>>(`${SELECT} ${activeOnly ? 'WHERE p.active' : ''} ORDER BY p.name`)).rows.map(toPrinter);
}

export async function getPrinter(db: Queryable, ref: string): Promise<Printer> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const found = await db.query<Record<string, unknown>>(`${SELECT} WHERE ${isUuid ? 'p.id = $1::uuid' : 'p.name = $1'}`, [ref]);
  if (!found.rows[0]) throw new AppError(404, 'not_found', `No printer '${ref}'.`);
  return toPrinter(found.rows[0]);
}

export interface PrinterInput {
  name: string;
  host: string;
  port: number;
  dpi: 203 | 300 | 600;
  locationCode?: string | null | undefined;
  cjkFont?: string | null | undefined;
  alertAfterSeconds?: number | undefined;
  rfidPolicy?: Partial<PrinterRfidPolicy> | undefined;
}

/** Registers a printer; its host is checked first (see printer-address.ts). */
export async function addPrinter(db: Db, actor: Actor, input: PrinterInput, options: { allowLocal?: boolean } = {}): Promise<Printer> {
  if (input.rfidPolicy) checkRfidPolicy(input.rfidPolicy);
  await checkPrinterHost(input.host, { allowLocal: options.allowLocal ?? localPrintersAllowed() });
  return db.transaction(async (tx) => {
    const made = await tx.query<{ id: string }>(
      `INSERT INTO printers (name, host, port, dpi, location_code, alert_after_seconds, cjk_font, rfid_retry, rfid_retries, rfid_read_back_timeout_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (name) DO NOTHING RETURNING id`,
      [
        input.name,
        input.host,
        input.port,
        input.dpi,
        input.locationCode ?? null,
        input.alertAfterSeconds ?? 120,
        input.cjkFont ?? null,
        input.rfidPolicy?.retry ?? true,
        input.rfidPolicy?.retries ?? null,
        input.rfidPolicy?.readBackTimeoutMs ?? null,
      ],
    );
    if (!made.rows[0]) throw new AppError(409, 'conflict', `A printer named ${input.name} already exists.`);
    const printer = await getPrinter(tx, made.rows[0].id);
    await appendAudit(tx, actor, [{ action: 'printer.added', entityType: 'printer', entityId: printer.id, after: input }]);
    await notifyChanges(tx, ['printers']);
    return printer;
  });
}

/** Changes a printer's RFID policy; fields left out keep their value, null hands the choice back to the template or the spool. */
export async function setRfidPolicy(db: Db, actor: Actor, printerRef: string, change: Partial<PrinterRfidPolicy>): Promise<Printer> {
  checkRfidPolicy(change);
  return db.transaction(async (tx) => {
    const before = await getPrinter(tx, printerRef);
    const after: PrinterRfidPolicy = { ...before.rfidPolicy, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
    await tx.query(`UPDATE printers SET rfid_retry = $2, rfid_retries = $3, rfid_read_back_timeout_ms = $4, version = version + 1 WHERE id = $1`, [before.id, after.retry, after.retries, after.readBackTimeoutMs]);
    await appendAudit(tx, actor, [{ action: 'printer.rfid_policy_changed', entityType: 'printer', entityId: before.id, before: before.rfidPolicy, after }]);
    await notifyChanges(tx, ['printers']);
    return getPrinter(tx, before.id);
  });
}

/**
 * Registers (or points at a new address) the emulated printer `npm start` runs in this process,
 * so a fresh install prints at once. It is on 127.0.0.1 by design: this is the one registration
 * that allows a local address without LOTLINE_ALLOW_LOCAL_PRINTERS.
 */
export async function registerPrinter(db: Db, input: PrinterInput): Promise<void> {
  await db.query(
    `INSERT INTO printers (name, host, port, dpi, location_code) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (name) DO UPDATE SET host = EXCLUDED.host, port = EXCLUDED.port, version = printers.version + 1`,
    [input.name, input.host, input.port, input.dpi, input.locationCode ?? null],
  );
  await notifyChanges(db, ['printers']);
}

/** What a ~HS answer (or its absence) means for printing now. */
export function stateOf(status: HostStatus | Error): { state: PrinterState; detail: string | null } {
  if (status instanceof Error) return { state: 'offline', detail: status.message };
  if (status.paperOut) return { state: 'paper_out', detail: 'paper out' };
  if (status.headOpen) return { state: 'head_open', detail: 'head open' };
  if (status.paused) return { state: 'paused', detail: 'paused' };
  if (!status.ready) return { state: 'not_ready', detail: [status.bufferFull && 'buffer full', status.ribbonOut && 'ribbon out', status.overTemperature && 'over temperature', status.underTemperature && 'under temperature', status.corruptRam && 'corrupt RAM'].filter(Boolean).join(', ') || 'not ready' };
  return { state: 'ready', detail: null };
}

/**
 * Records what the spool saw; not_ready_since starts at the first bad answer and clears when the
 * printer is ready. A change of state is also kept in the printer's history (printer_states),
 * which the downtime KPI sums: the printers row alone forgets every stop once the printer is back.
 */
export async function recordPrinterState(db: Queryable, printerId: string, state: PrinterState, detail: string | null): Promise<void> {
  await db.query(
    `WITH changed AS (
       UPDATE printers SET state = $2, state_detail = $3, state_at = now(),
              not_ready_since = CASE WHEN $2 = 'ready' THEN NULL ELSE COALESCE(not_ready_since, now()) END
        WHERE id = $1
        RETURNING id)
     INSERT INTO printer_states (printer_id, state, detail)
     SELECT id, $2, $3 FROM changed
      WHERE $2 IS DISTINCT FROM (SELECT s.state FROM printer_states s WHERE s.printer_id = $1 ORDER BY s.since DESC, s.id DESC LIMIT 1)`,
    [printerId, state, detail],
  );
  await notifyChanges(db, ['printers']);
}

const NEUTRAL: Record<PrinterState, string | null> = {
  unknown: null,
  ready: null,
  offline: 'not reachable',
  paper_out: 'paper out',
  head_open: 'head open',
  paused: 'paused',
  not_ready: 'not ready',
};

/**
 * A printer as someone who does not run printers sees it: the state, not where the printer is
 * on the network nor the socket error that says so (host:port, errno) — that is for label admins.
 */
export function withoutNetworkDetail(printer: Printer): PrinterView {
  return { ...printer, host: null, port: null, stateDetail: NEUTRAL[printer.state] };
}

export type PrinterView = Omit<Printer, 'host' | 'port'> & { host: string | null; port: number | null };

/** Label admins (and administrators) run printers: they see addresses and connection errors. */
export const seesPrinterNetwork = (roles: readonly string[]) => roles.includes('labeladmin') || roles.includes('admin');
