import { api } from './client';
import type { Answer, RequestBody, Schema } from './types';

export type CaseReconciliation = Schema<'RecallReconciliation'>;
export type GapExplanationBody = RequestBody<'/api/recalls/{id}/gap-explanations', 'post'>;
export type DispositionBody = RequestBody<'/api/recalls/{id}/dispositions', 'post'>;

export const readReconciliation = (token: string, caseId: string) =>
  api<Answer<'/api/recalls/{id}/reconciliation', 'get'>>(`/api/recalls/${caseId}/reconciliation`, { token }).then((r) => r.reconciliation);
export const explainGap = (token: string, caseId: string, body: GapExplanationBody) =>
  api<Answer<'/api/recalls/{id}/gap-explanations', 'post'>>(`/api/recalls/${caseId}/gap-explanations`, { method: 'POST', token, body: JSON.stringify(body) });
export const recordDisposition = (token: string, caseId: string, body: DispositionBody) =>
  api<Answer<'/api/recalls/{id}/dispositions', 'post'>>(`/api/recalls/${caseId}/dispositions`, { method: 'POST', token, body: JSON.stringify(body) });
