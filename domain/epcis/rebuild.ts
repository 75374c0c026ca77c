import type { EpcisEvent } from './event';
import { parseEpc } from './identifiers';

/**
 * A trace rebuilt from EPCIS events alone, as a partner holding only the exported events would:
 * genealogy from TransformationEvents (each input lot class went into each output lot class),
 * shipments from shipping events. An event with an errorDeclaration voids itself and the event
 * it declares wrong (same eventID).
 */
export interface EventTrace {
  /** `gtin/lot` -> hops from the root */
  lots: Map<string, number>;
  /** `parent gtin/lot>child gtin/lot` -> quantity of the parent that went in */
  edges: Map<string, number>;
  /** `gtin/lot>shipment>customer` -> quantity shipped */
  shipments: Map<string, number>;
}

export const lotKey = (gtin: string, lot: string) => `${gtin}/${lot}`;

function lotOfClass(epcClass: string): string | null {
  const parts = parseEpc(epcClass);
  return parts?.gtin && parts.lot !== undefined ? lotKey(parts.gtin, parts.lot) : null;
}

/** The customer a shipping event went to: its Lotline code, or the GLN its party id names. */
export function customerOf(event: EpcisEvent): string | null {
  const party = event.destinationList?.find((d) => d.type === 'owning_party' || d.type.endsWith('SDT-owning_party'))?.destination;
  if (!party) return null;
  const lotline = /^urn:lotline:customer:[^:]*:(.+)$/.exec(party);
  if (lotline) return decodeURIComponent(lotline[1]!);
  const gln = parseEpc(party)?.gln;
  return gln ?? party;
}

function shipmentOf(event: EpcisEvent): string | null {
  const ref = event.bizTransactionList?.find((b) => b.type === 'desadv' || b.type.endsWith('BTT-desadv'))?.bizTransaction;
  if (!ref) return null;
  const lotline = /^urn:lotline:shipment:[^:]*:(.+)$/.exec(ref);
  return lotline ? decodeURIComponent(lotline[1]!) : ref;
}

const isStep = (event: EpcisEvent, step: string) => event.bizStep === step || event.bizStep === `https://ref.gs1.org/cbv/BizStep-${step}`;

export function traceFromEvents(events: readonly EpcisEvent[], root: { gtin: string; lotNumber: string }, direction: 'forward' | 'backward'): EventTrace {
  const declaredWrong = new Set(events.filter((e) => e.errorDeclaration).map((e) => e.eventID));
  const valid = events.filter((e) => !declaredWrong.has(e.eventID));
  const links = new Map<string, number>();
  const shipped = new Map<string, number>();
  for (const event of valid) {
    if (event.type === 'TransformationEvent') {
      const outputs = (event.outputQuantityList ?? []).map((q) => lotOfClass(q.epcClass)).filter((k): k is string => k !== null);
      for (const input of event.inputQuantityList ?? []) {
        const parent = lotOfClass(input.epcClass);
        if (!parent) continue;
        for (const child of outputs) {
          if (child === parent) continue;
          const key = `${parent}>${child}`;
          links.set(key, (links.get(key) ?? 0) + (input.quantity ?? 0));
        }
      }
    } else if (isStep(event, 'shipping')) {
      const customer = customerOf(event);
      const shipment = shipmentOf(event);
      if (!customer || !shipment) continue;
      for (const q of event.quantityList ?? []) {
        const lot = lotOfClass(q.epcClass);
        if (!lot) continue;
        const key = `${lot}>${shipment}>${customer}`;
        shipped.set(key, (shipped.get(key) ?? 0) + (q.quantity ?? 0));
      }
    }
  }
  const next = new Map<string, string[]>();
  for (const key of links.keys()) {
    const [parent, child] = key.split('>') as [string, string];
    const [from, to] = direction === 'forward' ? [parent, child] : [child, parent];
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const start = lotKey(root.gtin, root.lotNumber);
  const lots = new Map([[start, 0]]);
  const queue = [start];
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const to of next.get(at) ?? []) {
      if (!lots.has(to)) {
        lots.set(to, lots.get(at)! + 1);
        queue.push(to);
      }
    }
  }
  const edges = new Map<string, number>();
  for (const [key, qty] of links) {
    const [parent, child] = key.split('>') as [string, string];
    if (lots.has(direction === 'forward' ? parent : child)) edges.set(key, Math.round(qty * 1000) / 1000);
  }
  const shipments = new Map<string, number>();
  for (const [key, qty] of shipped) if (lots.has(key.split('>')[0]!)) shipments.set(key, Math.round(qty * 1000) / 1000);
  return { lots, edges, shipments };
}
