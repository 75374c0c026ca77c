import { createHash } from 'node:crypto';
import { compareFacets, encodeCursor, facetsOf, factToEvents, matchesFilter, type EpcisEvent, type EpcisSettings, type EventFacets, type EventFilter, type PageCursor } from '../../domain/epcis';
import type { Queryable } from '../db';
import { ledgerFacts, type FactWindow } from './facts';

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The server's zone is the plant's (server/clock.ts): its UTC offset at a moment, as EPCIS writes it. */
export function plantZoneOffset(isoUtc: string): string {
  const minutes = -new Date(isoUtc).getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export async function loadEpcisSettings(db: Queryable): Promise<EpcisSettings> {
  const row = (await db.query<{ company_prefix_length: number; plant_gln: string | null; site: string | null }>(`SELECT company_prefix_length, plant_gln, (SELECT min(code) FROM sites) AS site FROM epcis_settings`)).rows[0];
  return { companyPrefixLength: row?.company_prefix_length ?? 7, plantGln: row?.plant_gln ?? null, site: row?.site ?? 'MAIN', zoneOffset: plantZoneOffset };
}

/** Every ledger act in the window as EPCIS events (the benchmark's entry: N acts -> N events). */
export async function ledgerEvents(db: Queryable, window: FactWindow, settings?: EpcisSettings): Promise<EpcisEvent[]> {
  const s = settings ?? (await loadEpcisSettings(db));
  return (await ledgerFacts(db, window)).flatMap((fact) => factToEvents(s, fact, sha256Hex));
}

export interface EpcisQuery extends EventFilter {
  perPage: number;
  after?: PageCursor | null;
}

export interface EventPage {
  events: Record<string, unknown>[];
  nextPageToken: string | null;
}

interface Ranked {
  event: Record<string, unknown>;
  facets: EventFacets;
}

async function capturedEvents(db: Queryable, window: FactWindow): Promise<Ranked[]> {
  const rows = await db.query<{ event: Record<string, unknown> | string }>(
    `SELECT event FROM epcis_captured_events WHERE ($1::timestamptz IS NULL OR event_time >= $1) AND ($2::timestamptz IS NULL OR event_time < $2)`,
    [window.from, window.to],
  );
  return rows.rows.map((r) => {
    const event = typeof r.event === 'string' ? (JSON.parse(r.event) as Record<string, unknown>) : r.event;
    return { event, facets: facetsOf(event) };
  });
}

/** The earliest and latest act the ledger and the capture store hold: where a scan can stop. */
async function timeBounds(db: Queryable): Promise<{ min: number; max: number } | null> {
  const row = (
    await db.query<{ lo: Date | null; hi: Date | null }>(
      `SELECT least(a.lo, b.lo, c.lo, d.lo, e.lo, f.lo, g.lo) AS lo, greatest(a.hi, b.hi, c.hi, d.hi, e.hi, f.hi, g.hi) AS hi
         FROM (SELECT min(device_time) lo, max(device_time) hi FROM ops) a,
              (SELECT min(at) lo, max(at) hi FROM stock_moves) b,
              (SELECT min(at) lo, max(at) hi FROM genealogy_edges) c,
              (SELECT min(shipped_at) lo, max(shipped_at) hi FROM shipments) d,
              (SELECT min(occurred_at) lo, max(occurred_at) hi FROM domain_events WHERE aggregate_type = 'lot') e,
              (SELECT min(COALESCE(printed_at, created_at)) lo, max(COALESCE(printed_at, created_at)) hi FROM print_jobs) f,
              (SELECT least(min(event_time), (SELECT min(returned_at) FROM customer_returns)) lo, greatest(max(event_time), (SELECT max(returned_at) FROM customer_returns)) hi FROM epcis_captured_events) g`,
    )
  ).rows[0];
  if (!row?.lo || !row.hi) return null;
  return { min: new Date(row.lo).getTime(), max: new Date(row.hi).getTime() };
}

/**
 * One page of the EPCIS query over Lotline's events and partners' captured ones, in time order.
 * The ledger is read in time slices that double until the page is full, so the first pages of a
 * long history cost what they return, not the whole history.
 */
export async function exportEvents(db: Queryable, query: EpcisQuery, settings?: EpcisSettings): Promise<EventPage> {
  const s = settings ?? (await loadEpcisSettings(db));
  const bounds = await timeBounds(db);
  if (!bounds) return { events: [], nextPageToken: null };
  const lower = Math.max(bounds.min, query.geEventTime ?? -Infinity, query.after?.eventTime ?? -Infinity);
  const end = Math.min(bounds.max + 1, query.ltEventTime ?? Infinity);
  const wanted = query.perPage + 1;
  const found: Ranked[] = [];
  let from = lower;
  let span = Math.max(60_000, Math.ceil((end - lower) / 64));
  while (from < end) {
    const to = Math.min(end, from + span);
    // An event's time is written to the millisecond: the slice reaches a millisecond further and the filter below decides.
    const window = { from: new Date(from), to: new Date(to) };
    const made = (await ledgerFacts(db, window)).flatMap((fact) => factToEvents(s, fact, sha256Hex) as unknown as Record<string, unknown>[]);
    const slice = [...made.map((event) => ({ event, facets: facetsOf(event) })), ...(await capturedEvents(db, window))];
    for (const r of slice) {
      if (!matchesFilter(r.facets, query)) continue;
      if (query.after && compareFacets(r.facets, query.after) <= 0) continue;
      found.push(r);
    }
    if (found.length >= wanted) break;
    from = to;
    span *= 2;
  }
  found.sort((a, b) => compareFacets(a.facets, b.facets));
  const page = found.slice(0, query.perPage);
  const last = page.at(-1);
  return { events: page.map((r) => r.event), nextPageToken: found.length > query.perPage && last ? encodeCursor(last.facets) : null };
}
