import type { EpcisEvent, QuantityElement } from './event';
import { contextNamespaces, eventHashId, type Sha256Hex } from './hash';
import { lgtinClass, pgln, sgln, sgtin, ssccUri } from './identifiers';
import { LOTLINE_CONTEXT } from './vocabulary';

/**
 * What Lotline's ledger recorded, one fact per committed act, and the EPCIS 2.0 event each
 * becomes. Pure: the server reads the facts (server/epcis/facts.ts), this decides the events.
 *
 * | fact | event | bizStep / disposition |
 * | receive op | ObjectEvent ADD, ilmd lot + expiry | receiving / in_progress |
 * | receive_container op (a supplier's pallet by its SSCC) | per lot an ObjectEvent ADD as a receive op's, then an AggregationEvent ADD, parent the SSCC, children the lots by LGTIN | receiving / in_progress |
 * | lot entered without an op (opening balance, import) | ObjectEvent ADD, ilmd | commissioning / active |
 * | produce op | TransformationEvent, inputs and output by LGTIN, ilmd on the output | commissioning / in_progress |
 * | move op, pick op | ObjectEvent OBSERVE, source and destination locations | storing, picking |
 * | count op | ObjectEvent OBSERVE, counted quantities | cycle_counting |
 * | stock adjusted by a supervisor (count variance, negative balance) | ObjectEvent OBSERVE, the quantity found or lost, lotline:adjustment | cycle_counting / mismatch_quantity |
 * | ship op (shipment) | ObjectEvent OBSERVE, owning party and location from/to | shipping / in_transit |
 * | return op | ObjectEvent OBSERVE, from the customer | receiving / returned |
 * | print op (labels printed) | ObjectEvent ADD | encoding / encoded |
 * | lot status change | ObjectEvent OBSERVE, the whole lot (no quantity) | see STATUS_EVENT |
 * | op reversed by a supervisor | the op's event again with errorDeclaration | incorrect_data |
 */

export interface LotKey {
  gtin: string;
  lotNumber: string;
}

export interface LotLine extends LotKey {
  /** Null where the ledger does not know it (a link booked without its output move): the event then names the class alone. */
  qty: number | null;
  uom?: string | null;
  serial?: string | null;
}

export interface Party {
  code: string;
  gln: string | null;
}

interface FactBase {
  /** The op, shipment, print job or change the fact comes from: a uuid. */
  source: string;
  /** When it happened, ISO 8601 in UTC. */
  at: string;
}

export type LedgerFact =
  | (FactBase & { kind: 'receive'; lot: LotLine & { expiresOn: string | null }; locationCode: string; supplier: string | null })
  /** A pallet received whole by its SSCC from a ship notice: the lots it held as booked, one line per lot. */
  | (FactBase & { kind: 'receive_container'; sscc: string; notice: string | null; lines: (LotLine & { expiresOn: string | null })[]; locationCode: string; supplier: string | null })
  | (FactBase & { kind: 'commission'; lot: LotLine & { expiresOn: string | null }; locationCode: string })
  | (FactBase & { kind: 'produce'; workOrder: string | null; output: LotLine & { expiresOn: string | null }; serials: string[]; inputs: LotLine[]; locationCode: string | null })
  | (FactBase & { kind: 'move' | 'pick'; lot: LotLine; fromCode: string; toCode: string })
  | (FactBase & { kind: 'count'; locationCode: string; lines: LotLine[] })
  | (FactBase & { kind: 'adjust'; lot: LotLine; locationCode: string; direction: 'found' | 'lost' })
  | (FactBase & { kind: 'ship'; shipment: string; customer: Party; lines: (LotLine & { fromCode: string | null })[] })
  | (FactBase & { kind: 'return'; lot: LotLine; toCode: string; customer: Party })
  | (FactBase & { kind: 'print'; lot: LotLine })
  | (FactBase & { kind: 'status'; lot: LotKey; from: string | null; to: string })
  | (FactBase & { kind: 'reversal'; reversed: LedgerFact });

export interface EpcisSettings {
  /** Digits of the GS1 Company Prefix in the plant's GTINs and GLN. */
  companyPrefixLength: number;
  /** The plant's GLN: locations become SGLNs with the location code as extension, the plant its PGLN. */
  plantGln: string | null;
  /** The site code, for the plant's Lotline URIs when it has no GLN. */
  site: string;
  /** The plant's UTC offset at a moment (`+08:00`): the server knows its zone, the domain does not. */
  zoneOffset: (isoUtc: string) => string;
}

/** What a lot status becomes in EPCIS: the business step that decided it and the disposition it leaves. */
export const STATUS_EVENT: Readonly<Record<string, { bizStep: string; disposition: string }>> = {
  quarantine: { bizStep: 'holding', disposition: 'in_progress' },
  released: { bizStep: 'inspecting', disposition: 'conformant' },
  rejected: { bizStep: 'inspecting', disposition: 'non_conformant' },
  on_hold: { bizStep: 'holding', disposition: 'non_sellable_other' },
  expired: { bizStep: 'holding', disposition: 'expired' },
  recalled: { bizStep: 'holding', disposition: 'recalled' },
  scrapped: { bizStep: 'destroying', disposition: 'destroyed' },
  returned: { bizStep: 'holding', disposition: 'returned' },
};

/** Lotline URIs for what has no GS1 key (documented in the README): `urn:lotline:<kind>:<site>:<code>`. */
export const lotlineUri = (kind: 'location' | 'party' | 'customer' | 'shipment' | 'ship-notice' | 'work-order', site: string, code: string) => `urn:lotline:${kind}:${encodeURIComponent(site)}:${encodeURIComponent(code)}`;

export function locationId(settings: EpcisSettings, code: string): string {
  return settings.plantGln ? sgln(settings.plantGln, code, settings.companyPrefixLength) : lotlineUri('location', settings.site, code);
}

export function plantParty(settings: EpcisSettings): string {
  return settings.plantGln ? pgln(settings.plantGln, settings.companyPrefixLength) : lotlineUri('party', settings.site, settings.site);
}

export function customerParty(settings: EpcisSettings, customer: Party): string {
  return customer.gln ? pgln(customer.gln, settings.companyPrefixLength) : lotlineUri('customer', settings.site, customer.code);
}

/** Quantities by LGTIN class, summed per lot; a count of items (EA) carries no unit, as EPCIS reads it. */
function quantities(settings: EpcisSettings, lines: readonly LotLine[]): QuantityElement[] {
  const byClass = new Map<string, QuantityElement>();
  for (const line of lines) {
    const epcClass = lgtinClass(line.gtin, line.lotNumber, settings.companyPrefixLength);
    const uom = line.uom && line.uom !== 'EA' && /^[A-Z0-9]{2,3}$/.test(line.uom) ? line.uom : undefined;
    const known = byClass.get(epcClass);
    if (known) {
      if (known.quantity !== undefined && line.qty !== null) known.quantity = roundQty(known.quantity + line.qty);
    } else byClass.set(epcClass, { epcClass, ...(line.qty === null ? {} : { quantity: roundQty(line.qty) }), ...(uom ? { uom } : {}) });
  }
  return [...byClass.values()].sort((a, b) => (a.epcClass < b.epcClass ? -1 : a.epcClass > b.epcClass ? 1 : 0));
}

/** Stock quantities are numeric(18,3): sums are kept to the thousandth, never 0.30000000000000004. */
const roundQty = (n: number) => Math.round(n * 1000) / 1000;

function ilmd(lot: { lotNumber: string; expiresOn: string | null }): Record<string, string> {
  return { 'cbvmda:lotNumber': lot.lotNumber, ...(lot.expiresOn ? { 'cbvmda:itemExpirationDate': lot.expiresOn } : {}) };
}

type Draft = Omit<EpcisEvent, 'eventID' | 'eventTime' | 'eventTimeZoneOffset'>;

function draftOf(settings: EpcisSettings, fact: LedgerFact): Draft {
  const at = (code: string) => ({ id: locationId(settings, code) });
  const serials = (lines: readonly LotLine[]) => lines.filter((l) => l.serial).map((l) => sgtin(l.gtin, l.serial!, settings.companyPrefixLength));
  switch (fact.kind) {
    case 'receive':
      return { type: 'ObjectEvent', action: 'ADD', ...withEpcs(serials([fact.lot])), quantityList: quantities(settings, [fact.lot]), bizStep: 'receiving', disposition: 'in_progress', readPoint: at(fact.locationCode), bizLocation: at(fact.locationCode), destinationList: [{ type: 'owning_party', destination: plantParty(settings) }], ilmd: ilmd(fact.lot) };
    case 'receive_container':
      return {
        type: 'AggregationEvent',
        action: 'ADD',
        parentID: ssccUri(fact.sscc, settings.companyPrefixLength),
        ...(serials(fact.lines).length > 0 ? { childEPCs: [...new Set(serials(fact.lines))].sort() } : {}),
        childQuantityList: quantities(settings, fact.lines),
        bizStep: 'receiving',
        disposition: 'in_progress',
        readPoint: at(fact.locationCode),
        bizLocation: at(fact.locationCode),
        ...noticeOf(settings, fact.notice),
      };
    case 'commission':
      return { type: 'ObjectEvent', action: 'ADD', quantityList: quantities(settings, [fact.lot]), bizStep: 'commissioning', disposition: 'active', readPoint: at(fact.locationCode), bizLocation: at(fact.locationCode), ilmd: ilmd(fact.lot) };
    case 'produce':
      return {
        type: 'TransformationEvent',
        inputQuantityList: quantities(settings, fact.inputs),
        ...(fact.serials.length > 0 ? { outputEPCList: fact.serials.map((s) => sgtin(fact.output.gtin, s, settings.companyPrefixLength)).sort() } : {}),
        outputQuantityList: quantities(settings, [fact.output]),
        transformationID: fact.workOrder ? lotlineUri('work-order', settings.site, fact.workOrder) : `urn:uuid:${fact.source}`,
        bizStep: 'commissioning',
        disposition: 'in_progress',
        ...(fact.locationCode ? { readPoint: at(fact.locationCode), bizLocation: at(fact.locationCode) } : {}),
        ilmd: ilmd(fact.output),
      };
    case 'move':
    case 'pick':
      return {
        type: 'ObjectEvent',
        action: 'OBSERVE',
        ...withEpcs(serials([fact.lot])),
        quantityList: quantities(settings, [fact.lot]),
        bizStep: fact.kind === 'move' ? 'storing' : 'picking',
        readPoint: at(fact.toCode),
        bizLocation: at(fact.toCode),
        sourceList: [{ type: 'location', source: locationId(settings, fact.fromCode) }],
        destinationList: [{ type: 'location', destination: locationId(settings, fact.toCode) }],
      };
    case 'count':
      return { type: 'ObjectEvent', action: 'OBSERVE', quantityList: quantities(settings, fact.lines), bizStep: 'cycle_counting', readPoint: at(fact.locationCode), bizLocation: at(fact.locationCode) };
    case 'adjust':
      return {
        type: 'ObjectEvent',
        action: 'OBSERVE',
        ...withEpcs(serials([fact.lot])),
        quantityList: quantities(settings, [fact.lot]),
        bizStep: 'cycle_counting',
        disposition: 'mismatch_quantity',
        readPoint: at(fact.locationCode),
        bizLocation: at(fact.locationCode),
        'lotline:adjustment': fact.direction,
      };
    case 'ship': {
      const from = fact.lines.find((l) => l.fromCode)?.fromCode ?? null;
      const customer = customerParty(settings, fact.customer);
      return {
        type: 'ObjectEvent',
        action: 'OBSERVE',
        ...withEpcs(serials(fact.lines)),
        quantityList: quantities(settings, fact.lines),
        bizStep: 'shipping',
        disposition: 'in_transit',
        ...(from ? { readPoint: at(from) } : {}),
        bizTransactionList: [{ type: 'desadv', bizTransaction: lotlineUri('shipment', settings.site, fact.shipment) }],
        sourceList: [{ type: 'owning_party', source: plantParty(settings) }, ...(from ? [{ type: 'location', source: locationId(settings, from) }] : [])],
        destinationList: [
          { type: 'owning_party', destination: customer },
          ...(fact.customer.gln ? [{ type: 'location', destination: sgln(fact.customer.gln, '0', settings.companyPrefixLength) }] : []),
        ],
      };
    }
    case 'return':
      return {
        type: 'ObjectEvent',
        action: 'OBSERVE',
        ...withEpcs(serials([fact.lot])),
        quantityList: quantities(settings, [fact.lot]),
        bizStep: 'receiving',
        disposition: 'returned',
        readPoint: at(fact.toCode),
        bizLocation: at(fact.toCode),
        sourceList: [{ type: 'owning_party', source: customerParty(settings, fact.customer) }],
        destinationList: [{ type: 'owning_party', destination: plantParty(settings) }],
      };
    case 'print':
      return { type: 'ObjectEvent', action: 'ADD', ...withEpcs(serials([fact.lot])), ...(fact.lot.serial ? {} : { quantityList: quantities(settings, [fact.lot]) }), bizStep: 'encoding', disposition: 'encoded' };
    case 'status': {
      const meaning = STATUS_EVENT[fact.to] ?? { bizStep: 'holding', disposition: 'unknown' };
      return { type: 'ObjectEvent', action: 'OBSERVE', quantityList: [{ epcClass: lgtinClass(fact.lot.gtin, fact.lot.lotNumber, settings.companyPrefixLength) }], ...meaning };
    }
    case 'reversal':
      return draftOf(settings, fact.reversed);
  }
}

/** The supplier's ship notice the pallet came on, as the receipt's business transaction. */
const noticeOf = (settings: EpcisSettings, notice: string | null) => (notice ? { bizTransactionList: [{ type: 'desadv', bizTransaction: lotlineUri('ship-notice', settings.site, notice) }] } : {});

/**
 * The drafts of one fact, in order: a pallet received by its SSCC is each lot's receipt, as a
 * receive op's, and then the pallet holding them; every other fact is one event.
 */
function draftsOf(settings: EpcisSettings, fact: LedgerFact): Draft[] {
  if (fact.kind === 'reversal') return draftsOf(settings, fact.reversed);
  if (fact.kind !== 'receive_container') return [draftOf(settings, fact)];
  const receipts = fact.lines.map((lot) => ({ ...draftOf(settings, { kind: 'receive', source: fact.source, at: fact.at, lot, locationCode: fact.locationCode, supplier: fact.supplier }), ...noticeOf(settings, fact.notice) }));
  return [...receipts, draftOf(settings, fact)];
}

const withEpcs = (epcs: string[]) => (epcs.length > 0 ? { epcList: [...new Set(epcs)].sort() } : {});

const NAMESPACES = contextNamespaces(LOTLINE_CONTEXT);

/**
 * The EPCIS events of one ledger fact (one, but for a pallet received by its SSCC), each
 * eventID the CBV 2.0 hash of its content; a reversal declares every event of its op in error.
 */
export function factToEvents(settings: EpcisSettings, fact: LedgerFact, sha256: Sha256Hex): EpcisEvent[] {
  const original = fact.kind === 'reversal' ? fact.reversed : fact;
  return draftsOf(settings, original).map((draft) => {
    const { type, ...rest } = draft;
    const event: EpcisEvent = { type, eventID: '', eventTime: original.at, eventTimeZoneOffset: settings.zoneOffset(original.at), ...rest, 'lotline:source': `urn:uuid:${original.source}` };
    // The hash leaves eventID and errorDeclaration out, so a declaration carries its original's id.
    event.eventID = eventHashId(event as unknown as Record<string, unknown>, NAMESPACES, sha256);
    if (fact.kind === 'reversal') event.errorDeclaration = { declarationTime: fact.at, reason: 'incorrect_data' };
    return event;
  });
}

/** The EPCIS event of a fact that makes one (every kind but a pallet's receipt: its last, the aggregation). */
export function factToEvent(settings: EpcisSettings, fact: LedgerFact, sha256: Sha256Hex): EpcisEvent {
  return factToEvents(settings, fact, sha256).at(-1)!;
}
