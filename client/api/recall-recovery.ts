import type { SignatureMeaning } from '../../domain/lots';
import type { CaseReconciliation, DispositionAction } from '../../domain/recall';
import { api } from './client';

export type { CaseReconciliation } from '../../domain/recall';

export interface GapExplanationBody {
  customerCode: string;
  explanation: string;
  meaning: SignatureMeaning;
  password: string;
}

export interface DispositionBody {
  lotId: string;
  action: DispositionAction;
  qty: number;
  note?: string;
  meaning: SignatureMeaning;
  password: string;
  witness: { username: string; password: string };
}

export const readReconciliation = (token: string, caseId: string) => api<{ reconciliation: CaseReconciliation }>(`/api/recalls/${caseId}/reconciliation`, { token }).then((r) => r.reconciliation);
export const explainGap = (token: string, caseId: string, body: GapExplanationBody) => api<unknown>(`/api/recalls/${caseId}/gap-explanations`, { method: 'POST', token, body: JSON.stringify(body) });
export const recordDisposition = (token: string, caseId: string, body: DispositionBody) => api<unknown>(`/api/recalls/${caseId}/dispositions`, { method: 'POST', token, body: JSON.stringify(body) });
