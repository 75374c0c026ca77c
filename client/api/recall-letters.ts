import type { Jurisdiction, LetterLang } from '../../domain/recall';
import { ApiError, api } from './client';
import type { Answer, Schema } from './types';

export type CaseLetters = Schema<'RecallCaseLetters'>;
export type ConsigneeLetters = CaseLetters['consignees'][number];

export const listLetters = (token: string, caseId: string) => api<Answer<'/api/recalls/{id}/letters', 'get'>>(`/api/recalls/${caseId}/letters`, { token });
export const issueReplyCodes = (token: string, caseId: string) => api<Answer<'/api/recalls/{id}/letters', 'post'>>(`/api/recalls/${caseId}/letters`, { method: 'POST', token });

/**
 * One letter as a file the browser can show: the API wants the bearer token, which a plain link
 * cannot send, so the letter is fetched and handed over as a blob.
 */
export async function fetchLetter(token: string, caseId: string, customerId: string, format: 'pdf' | 'page', jurisdiction: Jurisdiction, lang: LetterLang): Promise<Blob> {
  const response = await fetch(`/api/recalls/${caseId}/letters/${customerId}/${format}?jurisdiction=${jurisdiction}&lang=${lang}`, { headers: { authorization: `Bearer ${token}` } }).catch(() => {
    throw new ApiError(0, 'offline', 'The server cannot be reached.');
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new ApiError(response.status, body.error?.code ?? 'unknown', body.error?.message ?? `HTTP ${response.status}`);
  }
  return response.blob();
}
