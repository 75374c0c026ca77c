import { ApiError, api } from './client';
import type { Answer, Schema } from './types';

export type ImportKind = Schema<'ImportKind'>;
export type ImportJob = Schema<'ImportJob'>;
export type ImportDryRun = Schema<'ImportDryRun'>;
export type ImportIssue = Schema<'ImportIssue'>;
export type ImportDuplicateGroup = Schema<'ImportDuplicateGroup'>;
export type ImportCommit = Schema<'ImportCommit'>;
export type ImportMappingProfile = Schema<'ImportMappingProfile'>;

export function uploadImport(token: string, kind: ImportKind, file: File): Promise<ImportJob> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<ImportJob>(`/api/imports?kind=${kind}`, { token, method: 'POST', body: form });
}

export const dryRunImport = (token: string, id: string, mapping: Record<string, string>, saveAs?: string) =>
  api<ImportDryRun>(`/api/imports/${id}/dry-run`, { token, method: 'POST', body: JSON.stringify({ mapping, ...(saveAs ? { saveAs } : {}) }) });

export const commitImport = (token: string, id: string, validOnly: boolean) => api<ImportCommit>(`/api/imports/${id}/commit`, { token, method: 'POST', body: JSON.stringify({ validOnly }) });

export const listImportProfiles = (token: string, kind: ImportKind) => api<Answer<'/api/imports/profiles', 'get'>>(`/api/imports/profiles?kind=${kind}`, { token }).then((r) => r.profiles);

/** The report CSV, fetched with the session's token (a plain link would carry none). */
export async function downloadImportReport(token: string, id: string): Promise<{ blob: Blob; fileName: string }> {
  const response = await fetch(`/api/imports/${id}/report`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new ApiError(response.status, 'report_failed', `HTTP ${response.status}`);
  const disposition = response.headers.get('content-disposition') ?? '';
  const named = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  return { blob: await response.blob(), fileName: named ? decodeURIComponent(named[1]!) : 'import-report.csv' };
}
