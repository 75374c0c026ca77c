import type { EpcisEvent } from './event';
import { parseEpc, toCanonicalDigitalLink } from './identifiers';
import { VOCABULARY_FIELDS } from './vocabulary';

/**
 * The EPCIS query (SimpleEventQuery parameters Lotline answers) over events of any origin: what
 * it filters on is read from each event the same way, whether Lotline made it or a partner
 * captured it.
 */
export interface EventFacets {
  eventTime: number;
  eventID: string;
  /** Error declarations sort after the event they declare wrong (same id, same time). */
  declared: boolean;
  bizStep: string | null;
  disposition: string | null;
  epcs: string[];
  epcClasses: string[];
  destinationGlns: string[];
}

export interface EventFilter {
  bizSteps?: readonly string[];
  dispositions?: readonly string[];
  geEventTime?: number;
  ltEventTime?: number;
  epcs?: readonly string[];
  epcClasses?: readonly string[];
  /** A partner-bound key sees only events whose destination names its GLN. */
  partnerGln?: string | null;
}

/** A CBV term as a bare word, whichever spelling the event used. */
export function bareTerm(field: 'bizStep' | 'disposition', value: string | undefined | null): string | null {
  if (!value) return null;
  const { prefix } = VOCABULARY_FIELDS[field]!;
  if (value.startsWith(prefix)) return value.slice(prefix.length);
  const urn = field === 'bizStep' ? 'urn:epcglobal:cbv:bizstep:' : 'urn:epcglobal:cbv:disp:';
  return value.startsWith(urn) ? value.slice(urn.length) : value;
}

const canonical = (uri: string) => toCanonicalDigitalLink(uri) ?? uri;

export function facetsOf(event: Readonly<Record<string, unknown>>): EventFacets {
  const e = event as Partial<EpcisEvent> & { childEPCs?: string[]; childQuantityList?: { epcClass: string }[] };
  const classes = [...(e.quantityList ?? []), ...(e.childQuantityList ?? []), ...(e.inputQuantityList ?? []), ...(e.outputQuantityList ?? [])].map((q) => canonical(q.epcClass));
  const glns = (e.destinationList ?? []).flatMap((d) => {
    const gln = parseEpc(d.destination)?.gln ?? /^https:\/\/id\.gs1\.org\/(?:414|417)\/(\d{13})/.exec(canonical(d.destination))?.[1];
    return gln ? [gln] : [];
  });
  return {
    eventTime: Date.parse(String(e.eventTime)),
    eventID: String(e.eventID ?? ''),
    declared: e.errorDeclaration !== undefined,
    bizStep: bareTerm('bizStep', e.bizStep),
    disposition: bareTerm('disposition', e.disposition),
    epcs: [...(e.epcList ?? []), ...(e.childEPCs ?? [])].map(canonical),
    epcClasses: [...new Set(classes)],
    destinationGlns: [...new Set(glns)],
  };
}

/** An EPC, or an `idpat` pattern (every serial of a GTIN), against canonical identifiers. */
function matchesAny(values: readonly string[], wanted: readonly string[]): boolean {
  return wanted.some((w) => {
    const target = canonical(w);
    const pattern = w.startsWith('urn:epc:idpat:');
    return values.some((v) => v === target || (pattern && v.startsWith(`${target}/`)));
  });
}

export function matchesFilter(f: EventFacets, filter: EventFilter): boolean {
  if (filter.geEventTime !== undefined && !(f.eventTime >= filter.geEventTime)) return false;
  if (filter.ltEventTime !== undefined && !(f.eventTime < filter.ltEventTime)) return false;
  if (filter.bizSteps && !(f.bizStep && filter.bizSteps.map((s) => bareTerm('bizStep', s)).includes(f.bizStep))) return false;
  if (filter.dispositions && !(f.disposition && filter.dispositions.map((s) => bareTerm('disposition', s)).includes(f.disposition))) return false;
  if (filter.epcs && !matchesAny(f.epcs, filter.epcs)) return false;
  if (filter.epcClasses && !matchesAny(f.epcClasses, filter.epcClasses)) return false;
  if (filter.partnerGln && !f.destinationGlns.includes(filter.partnerGln)) return false;
  return true;
}

/** Event order for paging: time, then id, then a declaration after its original. */
export function compareFacets(a: Pick<EventFacets, 'eventTime' | 'eventID' | 'declared'>, b: Pick<EventFacets, 'eventTime' | 'eventID' | 'declared'>): number {
  return a.eventTime - b.eventTime || (a.eventID < b.eventID ? -1 : a.eventID > b.eventID ? 1 : 0) || Number(a.declared) - Number(b.declared);
}

export interface PageCursor {
  eventTime: number;
  eventID: string;
  declared: boolean;
}

/** nextPageToken: the last event of the page, opaque to the caller (base64url JSON). */
export function encodeCursor(c: PageCursor): string {
  const json = JSON.stringify([c.eventTime, c.eventID, c.declared ? 1 : 0]);
  let binary = '';
  for (const byte of new TextEncoder().encode(json)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(token: string): PageCursor | null {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(token)) return null;
  try {
    const binary = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
    const parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as unknown;
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [t, id, d] = parsed as unknown[];
    if (typeof t !== 'number' || !Number.isFinite(t) || typeof id !== 'string' || (d !== 0 && d !== 1)) return null;
    return { eventTime: t, eventID: id, declared: d === 1 };
  } catch {
    return null;
  }
}
