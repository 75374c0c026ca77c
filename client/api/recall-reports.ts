import type { ReportKind } from '../../domain/recall/reports';
import { ApiError, api } from './client';
import type { Answer, RequestBody, Schema } from './types';

export type CaseClocks = Schema<'RecallCaseClocks'>;
export type Drill = Schema<'RecallDrill'>;
/** What was recorded as done outside Lotline's own reports: notices sent, reports filed. */
export type CaseEvent = Schema<'RecallCaseEvent'>;
export type DeadlineAlert = Schema<'RecallDeadlineAlert'>;
/** That the notices went out: which clock they meet, on which day (today when absent), how and to how many. */
export type LettersSent = Omit<RequestBody<'/api/recalls/{id}/events', 'post'>, 'kind'>;

export const caseDeadlines = (token: string, id: string) => api<Answer<'/api/recalls/{id}/deadlines', 'get'>>(`/api/recalls/${id}/deadlines`, { token }).then((r) => r.clocks);
export const caseEvents = (token: string, id: string) => api<Answer<'/api/recalls/{id}/deadlines', 'get'>>(`/api/recalls/${id}/deadlines`, { token }).then((r) => r.events);

/** Records that the notices went out: the clock waiting for them is met, and the KPI "initiation to letters sent" counts from it. */
export const recordLettersSent = (token: string, id: string, sent: LettersSent) =>
  api<Answer<'/api/recalls/{id}/events', 'post'>>(`/api/recalls/${id}/events`, { method: 'POST', token, body: JSON.stringify({ kind: 'letters_sent', ...sent }) }).then((r) => r.event);
export const startDrill = (token: string, lotNumber: string) =>
  api<Answer<'/api/recalls/drills', 'post'>>('/api/recalls/drills', { method: 'POST', token, body: JSON.stringify({ scope: { kind: 'lot', lotNumber } }) }).then((r) => r.drill);
export const lastDrill = (token: string) => api<Answer<'/api/recalls/drills/last', 'get'>>('/api/recalls/drills/last', { token }).then((r) => r.drill);
export const caseDrill = (token: string, id: string) => api<Answer<'/api/recalls/{id}/drill', 'get'>>(`/api/recalls/${id}/drill`, { token }).then((r) => r.drill);

/** Fetches a report with the session's token (a plain link could not send it) and hands it to the browser as a download. */
export async function downloadReport(token: string, caseId: string, kind: ReportKind, format: 'pdf' | 'csv'): Promise<void> {
  const response = await fetch(`/api/recalls/${caseId}/reports/${kind}.${format}`, { headers: { authorization: `Bearer ${token}` } }).catch(() => {
    throw new ApiError(0, 'offline', 'The server cannot be reached.');
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new ApiError(response.status, body.error?.code ?? 'unknown', body.error?.message ?? `HTTP ${response.status}`);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `${kind}.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const deadlineAlerts = (token: string) => api<Answer<'/api/recalls/deadlines', 'get'>>('/api/recalls/deadlines', { token }).then((r) => r.alerts);
export const acknowledgeDeadlineAlert = (token: string, id: string) => api<void>(`/api/recalls/alerts/${id}/acknowledge`, { method: 'POST', token });
