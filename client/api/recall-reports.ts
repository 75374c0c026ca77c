import type { Deadline, DeadlineKind, DrillStopwatch, DrillTimings } from '../../domain/recall';
import type { ReportKind } from '../../domain/recall/reports';
import { ApiError, api } from './client';

export interface CaseClocks {
  caseId: string;
  number: string;
  state: string;
  owner: string;
  clocks: Deadline[];
  problem: { code: string; message: string } | null;
}

export interface Drill {
  caseId: string;
  caseNumber: string;
  scopeDescribed: string;
  stopwatch: DrillStopwatch;
  timings: DrillTimings;
  lots: number;
  consignees: number;
  shipmentLines: number;
  broughtIn: number;
  accounted: number;
  percent: number | null;
  passed: boolean;
  startedBy: string;
}

export const caseDeadlines = (token: string, id: string) => api<{ clocks: CaseClocks }>(`/api/recalls/${id}/deadlines`, { token }).then((r) => r.clocks);

/** What was recorded as done outside Lotline's own reports: notices sent, reports filed. */
export interface CaseEvent {
  id: number;
  kind: 'report_generated' | 'letters_sent' | 'report_submitted';
  deadline: DeadlineKind | null;
  detail: { method?: string; count?: number; note?: string };
  happenedOn: string;
  recorderName: string;
  recordedAt: string;
}

export const caseEvents = (token: string, id: string) => api<{ events: CaseEvent[] }>(`/api/recalls/${id}/deadlines`, { token }).then((r) => r.events);

export interface LettersSent {
  deadline: DeadlineKind;
  /** The day they went out (YYYY-MM-DD in the plant's time); today when absent. */
  on?: string;
  method: string;
  count: number;
  note?: string;
}

/** Records that the notices went out: the clock waiting for them is met, and the KPI "initiation to letters sent" counts from it. */
export const recordLettersSent = (token: string, id: string, sent: LettersSent) =>
  api<{ event: CaseEvent }>(`/api/recalls/${id}/events`, { method: 'POST', token, body: JSON.stringify({ kind: 'letters_sent', ...sent }) }).then((r) => r.event);
export const startDrill = (token: string, lotNumber: string) => api<{ drill: Drill }>('/api/recalls/drills', { method: 'POST', token, body: JSON.stringify({ scope: { kind: 'lot', lotNumber } }) }).then((r) => r.drill);
export const lastDrill = (token: string) => api<{ drill: Drill | null }>('/api/recalls/drills/last', { token }).then((r) => r.drill);
export const caseDrill = (token: string, id: string) => api<{ drill: Drill }>(`/api/recalls/${id}/drill`, { token }).then((r) => r.drill);

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

export interface DeadlineAlert {
  id: string;
  caseId: string;
  number: string;
  deadline: Deadline['kind'];
  kind: 'due_soon' | 'overdue';
  dueOn: string;
  raisedAt: string;
}

export const deadlineAlerts = (token: string) => api<{ alerts: DeadlineAlert[] }>('/api/recalls/deadlines', { token }).then((r) => r.alerts);
export const acknowledgeDeadlineAlert = (token: string, id: string) => api<void>(`/api/recalls/alerts/${id}/acknowledge`, { method: 'POST', token });
