import { api } from './client';
import type { Answer, RequestBody, Schema } from './types';

export type RfidRun = Schema<'RfidRun'>;
export type TagReconciliation = Schema<'TagReconciliation'>;
export type TagRecord = TagReconciliation['tags'][number];
export type PrinterRfidPolicy = Schema<'PrinterRfidPolicy'>;
export type TagSettlement = RequestBody<'/api/print-jobs/{id}/rfid/resolve', 'post'>;

export const listRfidRuns = (token: string) => api<Answer<'/api/rfid-runs', 'get'>>('/api/rfid-runs?limit=20', { token }).then((r) => r.runs);
export const reconcileRun = (token: string, runId: string) => api<Answer<'/api/print-runs/{id}/rfid', 'get'>>(`/api/print-runs/${runId}/rfid`, { token });
export const settleTag = (token: string, jobId: string, body: TagSettlement) =>
  api<Answer<'/api/print-jobs/{id}/rfid/resolve', 'post'>>(`/api/print-jobs/${jobId}/rfid/resolve`, { method: 'POST', token, body: JSON.stringify(body) });
export const setPrinterRfidPolicy = (token: string, printerId: string, policy: Partial<PrinterRfidPolicy>) =>
  api<Answer<'/api/printers/{id}/rfid-policy', 'patch'>>(`/api/printers/${printerId}/rfid-policy`, { method: 'PATCH', token, body: JSON.stringify(policy) });
