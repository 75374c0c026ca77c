import type { RecallState } from '../../domain/recall';
import { api } from './client';
import type { Answer, Answers, RequestBody, Schema } from './types';

/** What a recall starts from, as POST /api/recalls and /api/recalls/scope take it. */
export type RecallScopeInput = Schema<'RecallScopeInput'>;

export type RecallCase = Schema<'RecallCase'>;
export type RecallStep = Schema<'RecallStep'>;

/** What a recall of an input would reach now: lots, stock, shipments, consignees and the mass balance. */
export type ScopePreview = Schema<'RecallScope'>;
export type ScopeDiff = Schema<'RecallScopeDiff'>;

export type FrozenScope = Schema<'RecallFrozenScope'>;

/** The terms as the draft route takes them: empty text and unset choices are left out. */
export type NewRecallBody = RequestBody<'/api/recalls', 'post'>;

/** An electronic signature as a case step takes it. */
export type Signing = RequestBody<'/api/recalls/{id}/open', 'post'>;

export type RecallStepOutcome = Schema<'RecallStepOutcome'>;

export const listRecalls = (token: string) => api<Answer<'/api/recalls', 'get'>>('/api/recalls', { token }).then((r) => r.cases);
export const getRecall = (token: string, id: string) => api<Answer<'/api/recalls/{id}', 'get'>>(`/api/recalls/${id}`, { token });
export const previewScope = (token: string, scope: RecallScopeInput) => api<Answer<'/api/recalls/scope', 'post'>>('/api/recalls/scope', { method: 'POST', token, body: JSON.stringify({ scope }) });
/** A new draft; or, when one open case already holds every lot of the scope, that case (joined). */
export const createRecall = (token: string, body: NewRecallBody) => api<Answers<'/api/recalls', 'post'>>('/api/recalls', { method: 'POST', token, body: JSON.stringify(body) });
export const openRecall = (token: string, id: string, signing: Signing) => api<Answer<'/api/recalls/{id}/open', 'post'>>(`/api/recalls/${id}/open`, { method: 'POST', token, body: JSON.stringify(signing) });
export const moveRecall = (token: string, id: string, to: RecallState, signing: Signing) =>
  api<Answer<'/api/recalls/{id}/transition', 'post'>>(`/api/recalls/${id}/transition`, { method: 'POST', token, body: JSON.stringify({ to, ...signing }) });

export const readScopeDiff = (token: string, id: string) => api<Answer<'/api/recalls/{id}/scope-diff', 'get'>>(`/api/recalls/${id}/scope-diff`, { token });

/** The active handhelds and whether each has a case's holds (GET /api/recalls/:id/devices). */
export type HoldDevices = Schema<'RecallHoldDevices'>;
export type HoldDevice = HoldDevices['devices'][number];

export const recallDevices = (token: string, id: string) => api<Answer<'/api/recalls/{id}/devices', 'get'>>(`/api/recalls/${id}/devices`, { token });

/** Ops booked on the case's held lots by handhelds that had not heard of the hold yet. */
export const recallFlaggedOps = (token: string, id: string) => api<Answer<'/api/recalls/{id}/flagged-ops', 'get'>>(`/api/recalls/${id}/flagged-ops`, { token }).then((r) => r.exceptions);
