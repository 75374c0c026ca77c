import { api } from './client';
import type { Answer, Schema } from './types';

export type Printer = Schema<'Printer'>;
export type TemplateVersion = Schema<'LabelTemplateVersion'>;
export type PrintJob = Schema<'PrintJob'>;
export type EmulatedFormat = Answer<'/api/emulator/formats', 'get'>['formats'][number];

const post = <T>(token: string, path: string, body: unknown) => api<T>(path, { method: 'POST', token, body: JSON.stringify(body) });

export const listPrinters = (token: string) => api<Answer<'/api/printers', 'get'>>('/api/printers', { token }).then((r) => r.printers);
export const listTemplateVersions = (token: string) => api<Answer<'/api/templates', 'get'>>('/api/templates', { token }).then((r) => r.templates);
export const listPrintJobs = (token: string) => api<Answer<'/api/print-jobs', 'get'>>('/api/print-jobs?limit=50', { token }).then((r) => r.jobs);
export const previewTemplate = (token: string, id: string) => api<Answer<'/api/templates/{id}/preview', 'get'>>(`/api/templates/${id}/preview`, { token });
export const diffTemplate = (token: string, id: string, from: string) => api<Answer<'/api/templates/{id}/diff', 'get'>>(`/api/templates/${id}/diff?from=${from}`, { token });
export const saveDraft = (token: string, definition: unknown) => post<TemplateVersion>(token, '/api/templates', definition);
export const approveTemplate = (token: string, id: string, password: string, reason: string) => post<TemplateVersion>(token, `/api/templates/${id}/approve`, { password, reason });
export const retireTemplate = (token: string, id: string, reason: string) => post<TemplateVersion>(token, `/api/templates/${id}/retire`, { reason });
export const printLabels = (token: string, body: { lotId: string; template: string; printer: string; quantity: number }) => post<Answer<'/api/print-jobs', 'post'>>(token, '/api/print-jobs', body);
export const resolveJob = (token: string, id: string, action: 'printed' | 'reprint' | 'cancel', reason: string) => post<unknown>(token, `/api/print-jobs/${id}/resolve`, { action, reason });
export const reprintJob = (token: string, id: string, reason: string) => post<{ jobId: string }>(token, `/api/print-jobs/${id}/reprint`, { reason });
export const emulatorFormats = (token: string) => api<Answer<'/api/emulator/formats', 'get'>>('/api/emulator/formats?limit=4', { token }).then((r) => r.formats);
export const setEmulatorState = (token: string, state: Record<string, unknown>) => post<unknown>(token, '/api/emulator/state', state);
