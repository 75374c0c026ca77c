import { ApiError, api } from './client';
import type { Answer, RequestBody, Schema } from './types';

export type LotSummary = Schema<'Lot'>;
export type QcQueueEntry = Answer<'/api/qc/queue', 'get'>['lots'][number];
export type HistoryEvent = Answer<'/api/lots/{id}/history', 'get'>['events'][number];
export type Trace = Answer<'/api/lots/{id}/trace', 'get'>;
export type TraceLot = Trace['lots'][number];
export type StatusChange = RequestBody<'/api/lots/{id}/status', 'post'>;
export type QcResult = NonNullable<StatusChange['results']>[number];
export type Signed = Answer<'/api/lots/{id}/status', 'post'>;

export const qcQueue = (token: string) => api<Answer<'/api/qc/queue', 'get'>>('/api/qc/queue', { token }).then((r) => r.lots);

export async function findLots(token: string, lotNumber: string, gtin?: string | null): Promise<LotSummary[]> {
  const query = new URLSearchParams({ lotNumber });
  if (gtin) query.set('gtin', gtin);
  return (await api<Answer<'/api/lots', 'get'>>(`/api/lots?${query.toString()}`, { token })).lots;
}

export const getLot = (token: string, id: string) => api<Answer<'/api/lots/{id}', 'get'>>(`/api/lots/${id}`, { token }).then((r) => r.lot);
export const lotHistory = (token: string, id: string) => api<Answer<'/api/lots/{id}/history', 'get'>>(`/api/lots/${id}/history`, { token }).then((r) => r.events);
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

export type LotAlert = Answer<'/api/alerts', 'get'>['alerts'][number];

export const openAlerts = (token: string) => api<Answer<'/api/alerts', 'get'>>('/api/alerts?open=true', { token }).then((r) => r.alerts);
export const acknowledgeAlert = (token: string, id: string) => api<void>(`/api/alerts/${id}/acknowledge`, { method: 'POST', token });
