import { api } from './client';
import type { Answer, Answers, RequestBody, Schema } from './types';

export type CaseEffectiveness = Schema<'RecallEffectiveness'>;
export type CheckedConsignee = Schema<'RecallCheckedConsignee'>;
export type EffectivenessCheck = CheckedConsignee['checks'][number];
export type ContactRecord = RequestBody<'/api/recalls/{id}/effectiveness/contacts', 'post'>;
export type CheckRecord = RequestBody<'/api/recalls/{id}/effectiveness/checks', 'post'>;

const base = (caseId: string) => `/api/recalls/${caseId}/effectiveness`;

export const readEffectiveness = (token: string, caseId: string) => api<Answer<'/api/recalls/{id}/effectiveness', 'get'>>(base(caseId), { token });
export const drawConsignees = (token: string, caseId: string, seed: string | undefined) =>
  api<Answers<'/api/recalls/{id}/effectiveness/draw', 'post'>>(`${base(caseId)}/draw`, { method: 'POST', token, body: JSON.stringify(seed ? { seed } : {}) });
export const recordContact = (token: string, caseId: string, contact: ContactRecord) =>
  api<Answer<'/api/recalls/{id}/effectiveness/contacts', 'post'>>(`${base(caseId)}/contacts`, { method: 'POST', token, body: JSON.stringify(contact) });
export const recordCheck = (token: string, caseId: string, check: CheckRecord) =>
  api<Answer<'/api/recalls/{id}/effectiveness/checks', 'post'>>(`${base(caseId)}/checks`, { method: 'POST', token, body: JSON.stringify(check) });
