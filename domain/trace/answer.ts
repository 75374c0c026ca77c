/**
 * A trace as the server answers it (`GET /api/lots/:id/trace`), in the fields the graph needs.
 * Kept structural so the server's rows and the console's parsed JSON both fit it.
 */
export interface TraceAnswerLot {
  id: string;
  lotNumber: string;
  gtin: string;
  itemName: string;
  itemNameZh: string | null;
  status: string;
  supplierLot?: string | null;
  /** Hops from the lot the trace started at. */
  depth: number;
}

/** A genealogy link: the parent (component) lot went into the child (made) lot. */
export interface TraceAnswerEdge {
  parentLotId: string;
  childLotId: string;
  qty: number;
  workOrder: string | null;
  /** Serials of the parent lot consumed by this link. */
  serials?: readonly string[];
}

export interface TraceAnswerShipment {
  lotId: string;
  shipment: string;
  customerCode: string;
  customerName: string;
  qty: number;
  serial?: string | null;
  shippedAt: string;
}

export interface TraceAnswer {
  root: string;
  direction: 'forward' | 'backward';
  /** The serial the trace followed from the root lot, when it was a serial trace. */
  serial?: string | null;
  lots: readonly TraceAnswerLot[];
  edges: readonly TraceAnswerEdge[];
  shipments: readonly TraceAnswerShipment[];
}
