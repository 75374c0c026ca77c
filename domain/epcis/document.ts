import type { EpcisEvent } from './event';
import { LOTLINE_CONTEXT } from './vocabulary';

/** The answer of GET /epcis/events: an EPCISQueryDocument holding one page of events. */
export function epcisQueryDocument(events: readonly (EpcisEvent | Readonly<Record<string, unknown>>)[], creationDate: string, queryName = 'SimpleEventQuery') {
  return {
    '@context': [...LOTLINE_CONTEXT],
    type: 'EPCISQueryDocument' as const,
    schemaVersion: '2.0',
    creationDate,
    epcisBody: { queryResults: { queryName, resultsBody: { eventList: [...events] as Record<string, unknown>[] } } },
  };
}

/** An EPCISDocument as a partner captures it (also what tests send to POST /epcis/capture). */
export function epcisDocument(events: readonly EpcisEvent[], creationDate: string) {
  return { '@context': [...LOTLINE_CONTEXT], type: 'EPCISDocument' as const, schemaVersion: '2.0', creationDate, epcisBody: { eventList: [...events] } };
}
