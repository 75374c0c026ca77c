import type { LotStatus, SignatureMeaning } from '../../domain/lots';
import { ApiError, api } from './client';

export interface LotSummary {
  id: string;
  lotNumber: string;
  gtin: string;
  itemName: string;
  itemNameZh: string | null;
  supplier: string | null;
  supplierLot: string | null;
  manufacturedOn: string | null;
  expiresOn: string | null;
  origin: 'received' | 'produced';
  status: LotStatus;
  onHand: number;
  version: number;
}

export interface QcQueueEntry extends Omit<LotSummary, 'status' | 'itemId'> {
  locations: string[];
  waitingSince: string;
}

export interface HistoryEvent {
  at: string;
  kind: string;
  action: string;
  actor: string | null;
  summary: string;
  details: Record<string, unknown>;
}

export interface TraceLot {
  id: string;
  lotNumber: string;
  gtin: string;
  itemName: string;
  itemNameZh: string | null;
  status: LotStatus;
  origin: 'received' | 'produced';
  supplier: string | null;
  supplierLot: string | null;
  expiresOn: string | null;
  depth: number;
}

export interface Trace {
  root: string;
  direction: 'forward' | 'backward';
  depth: number;
  /** The serial the trace followed out of the root lot, for a serial trace. */
  serial: string | null;
  lots: TraceLot[];
  edges: { parentLotId: string; childLotId: string; qty: number; workOrder: string | null; serials: string[] }[];
  stock: { lotId: string; locationCode: string; locationName: string; qty: number }[];
  shipments: { lotId: string; shipment: string; customerCode: string; customerName: string; qty: number; serial: string | null; shippedAt: string }[];
  truncated: boolean;
}

export interface QcResult {
  test: string;
  value: string;
  unit?: string | null;
  pass?: boolean | null;
}

export interface StatusChange {
  to: LotStatus;
  meaning: SignatureMeaning;
  reason: string;
  password: string;
  version: number;
  results?: QcResult[];
  attachments?: string[];
}

export interface Signed {
  from: LotStatus;
  to: LotStatus;
  version: number;
  signature: { name: string; username: string; meaning: SignatureMeaning; signedAt: string };
}

export const qcQueue = (token: string) => api<{ lots: QcQueueEntry[] }>('/api/qc/queue', { token }).then((r) => r.lots);

export async function findLots(token: string, lotNumber: string, gtin?: string | null): Promise<LotSummary[]> {
  const query = new URLSearchParams({ lotNumber });
  if (gtin) query.set('gtin', gtin);
  return (await api<{ lots: LotSummary[] }>(`/api/lots?${query.toString()}`, { token })).lots;
}

export const getLot = (token: string, id: string) => api<{ lot: LotSummary }>(`/api/lots/${id}`, { token }).then((r) => r.lot);
export const lotHistory = (token: string, id: string) => api<{ events: HistoryEvent[] }>(`/api/lots/${id}/history`, { token }).then((r) => r.events);
export function traceLot(token: string, id: string, direction: 'forward' | 'backward', serial?: string | null): Promise<Trace> {
  const query = new URLSearchParams({ direction });
  if (serial) query.set('serial', serial);
  return api<Trace>(`/api/lots/${id}/trace?${query.toString()}`, { token });
}
export const changeStatus = (token: string, id: string, change: StatusChange) => api<Signed>(`/api/lots/${id}/status`, { method: 'POST', token, body: JSON.stringify(change) });

/** Uploads an evidence file as it is; the answer is its SHA-256, which the signed record keeps. */
export async function uploadEvidence(token: string, file: File): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`/api/attachments?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': file.type || 'application/octet-stream' },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'offline', 'The server cannot be reached.');
  }
  const body = (await response.json().catch(() => ({}))) as { sha256?: string; error?: { code: string; message: string } };
  if (!response.ok || !body.sha256) throw new ApiError(response.status, body.error?.code ?? 'unknown', body.error?.message ?? `HTTP ${response.status}`);
  return body.sha256;
}

export interface LotAlert {
  id: string;
  lotId: string;
  lotNumber: string;
  itemName: string;
  itemNameZh: string | null;
  kind: 'near_expiry' | 'expired';
  windowDays: number;
  expiresOn: string | null;
  raisedAt: string;
}

export const openAlerts = (token: string) => api<{ alerts: LotAlert[] }>('/api/alerts?open=true', { token }).then((r) => r.alerts);
export const acknowledgeAlert = (token: string, id: string) => api<void>(`/api/alerts/${id}/acknowledge`, { method: 'POST', token });
