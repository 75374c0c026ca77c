/** An EPCIS 2.0 event as Lotline writes it in JSON-LD (the fields it uses of the standard's). */
export interface QuantityElement {
  epcClass: string;
  quantity?: number;
  uom?: string;
}

export interface ErrorDeclaration {
  declarationTime: string;
  reason?: string;
  correctiveEventIDs?: string[];
}

export interface EpcisEvent {
  type: 'ObjectEvent' | 'AggregationEvent' | 'TransformationEvent';
  eventID: string;
  eventTime: string;
  eventTimeZoneOffset: string;
  action?: 'ADD' | 'OBSERVE' | 'DELETE';
  /** An AggregationEvent's container: a pallet's SSCC. */
  parentID?: string;
  childEPCs?: string[];
  epcList?: string[];
  quantityList?: QuantityElement[];
  childQuantityList?: QuantityElement[];
  inputQuantityList?: QuantityElement[];
  outputEPCList?: string[];
  outputQuantityList?: QuantityElement[];
  transformationID?: string;
  bizStep?: string;
  disposition?: string;
  readPoint?: { id: string };
  bizLocation?: { id: string };
  bizTransactionList?: { type: string; bizTransaction: string }[];
  sourceList?: { type: string; source: string }[];
  destinationList?: { type: string; destination: string }[];
  ilmd?: Record<string, string>;
  errorDeclaration?: ErrorDeclaration;
  /** The op, shipment or status change the event was made from (urn:uuid:...): keeps two alike acts apart. */
  'lotline:source'?: string;
  /** A supervisor's stock adjustment: whether the quantity was found (added) or lost (taken off). */
  'lotline:adjustment'?: 'found' | 'lost';
}

/** Lotline's namespace for its extension fields. */
export const LOTLINE_NS = 'urn:lotline:epcis:';
