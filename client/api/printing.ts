import { api } from './client';

export interface Printer {
  id: string;
  name: string;
  /** Shown to label admins only; null for other roles. */
  host: string | null;
  port: number | null;
  dpi: number;
  state: string;
  stateDetail: string | null;
  notReadySince: string | null;
  alerting: boolean;
  queued: number;
  uncertain: number;
}

export interface TemplateVersion {
  id: string;
  name: string;
  version: number;
  kind: 'layout' | 'zpl';
  status: 'draft' | 'approved' | 'retired';
  contentHash: string;
  definition: Record<string, unknown>;
  createdBy: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
}

export interface PrintJob {
  id: string;
  printer: string;
  template: string;
  templateVersion: number;
  lotNumber: string | null;
  serial: string | null;
  copies: number;
  status: 'queued' | 'printing' | 'in_printer' | 'printed' | 'uncertain' | 'cancelled';
  attempts: number;
  lastError: string | null;
  reprintOf: string | null;
  reprintReason: string | null;
  createdAt: string;
  resolution: string | null;
}

export interface EmulatedFormat {
  seq: number;
  receivedAt: string;
  printed: boolean;
  png: string | null;
}

const post = <T>(token: string, path: string, body: unknown) => api<T>(path, { method: 'POST', token, body: JSON.stringify(body) });

export const listPrinters = (token: string) => api<{ printers: Printer[] }>('/api/printers', { token }).then((r) => r.printers);
export const listTemplateVersions = (token: string) => api<{ templates: TemplateVersion[] }>('/api/templates', { token }).then((r) => r.templates);
export const listPrintJobs = (token: string) => api<{ jobs: PrintJob[] }>('/api/print-jobs?limit=50', { token }).then((r) => r.jobs);
export const previewTemplate = (token: string, id: string) => api<{ zpl: string; png: string; data: Record<string, unknown> }>(`/api/templates/${id}/preview`, { token });
export const diffTemplate = (token: string, id: string, from: string) => api<{ changes: { change: string; path: string; before?: unknown; after?: unknown }[] }>(`/api/templates/${id}/diff?from=${from}`, { token });
export const saveDraft = (token: string, definition: unknown) => post<TemplateVersion>(token, '/api/templates', definition);
export const approveTemplate = (token: string, id: string, password: string, reason: string) => post<TemplateVersion>(token, `/api/templates/${id}/approve`, { password, reason });
export const retireTemplate = (token: string, id: string, reason: string) => post<TemplateVersion>(token, `/api/templates/${id}/retire`, { reason });
export const printLabels = (token: string, body: { lotId: string; template: string; printer: string; quantity: number }) => post<{ jobIds: string[]; serials: string[] }>(token, '/api/print-jobs', body);
export const resolveJob = (token: string, id: string, action: 'printed' | 'reprint' | 'cancel', reason: string) => post<unknown>(token, `/api/print-jobs/${id}/resolve`, { action, reason });
export const reprintJob = (token: string, id: string, reason: string) => post<{ jobId: string }>(token, `/api/print-jobs/${id}/reprint`, { reason });
export const emulatorFormats = (token: string) => api<{ formats: EmulatedFormat[] }>('/api/emulator/formats?limit=4', { token }).then((r) => r.formats);
export const setEmulatorState = (token: string, state: Record<string, unknown>) => post<unknown>(token, '/api/emulator/state', state);
