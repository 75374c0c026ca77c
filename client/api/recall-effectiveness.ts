import type { CaseEffectiveness, CheckMethod, ContactMethod, ContactStep } from '../../domain/recall';
import { api } from './client';

export type { CaseEffectiveness, CheckedConsignee } from '../../domain/recall';

export interface ContactRecord {
  customerCode: string;
  step: ContactStep;
  method: ContactMethod;
  at?: string;
  note?: string;
}

export interface CheckRecord {
  customerCode: string;
  method: CheckMethod;
  reached: boolean;
  receivedNotice?: boolean;
  followedInstructions?: boolean;
  onHand?: number;
  note?: string;
}

const base = (caseId: string) => `/api/recalls/${caseId}/effectiveness`;

export const readEffectiveness = (token: string, caseId: string) => api<CaseEffectiveness>(base(caseId), { token });
export const drawConsignees = (token: string, caseId: string, seed: string | undefined) => api<CaseEffectiveness>(`${base(caseId)}/draw`, { method: 'POST', token, body: JSON.stringify(seed ? { seed } : {}) });
export const recordContact = (token: string, caseId: string, contact: ContactRecord) => api<CaseEffectiveness>(`${base(caseId)}/contacts`, { method: 'POST', token, body: JSON.stringify(contact) });
export const recordCheck = (token: string, caseId: string, check: CheckRecord) => api<CaseEffectiveness>(`${base(caseId)}/checks`, { method: 'POST', token, body: JSON.stringify(check) });
