import { api } from './client';
import type { Answer, Schema } from './types';

export type Device = Schema<'Device'>;
export type DeviceHealth = Answer<'/api/devices/health', 'get'>['devices'][number];
export type StockException = Schema<'StockException'>;
export type OpSummary = Schema<'OpSummary'>;

export const listDevices = (token: string) => api<Answer<'/api/devices', 'get'>>('/api/devices', { token });
export const deviceHealth = (token: string) => api<Answer<'/api/devices/health', 'get'>>('/api/devices/health', { token });
export const enrolDevice = (token: string, name: string) => api<Answer<'/api/devices', 'post'>>('/api/devices', { method: 'POST', token, body: JSON.stringify({ name }) });
export const revokeDevice = (token: string, id: string, reason: string) => api<Answer<'/api/devices/{id}/revoke', 'post'>>(`/api/devices/${id}/revoke`, { method: 'POST', token, body: JSON.stringify({ reason }) });
export const listExceptions = (token: string) => api<Answer<'/api/exceptions', 'get'>>('/api/exceptions?status=open', { token });
export const resolveException = (token: string, e: StockException, action: 'accept' | 'adjust' | 'reverse', reason: string) =>
  api<Answer<'/api/exceptions/{id}/resolve', 'post'>>(`/api/exceptions/${e.id}/resolve`, { method: 'POST', token, body: JSON.stringify({ action, reason, version: e.version }) });
export const listOps = (token: string, status?: string) => api<Answer<'/api/ops', 'get'>>(`/api/ops${status ? `?status=${status}` : ''}`, { token });

/** Calls onChange whenever the server reports committed changes (console stream). */
export function watchConsole(token: string, onChange: () => void, signal: AbortSignal): void {
  const loop = async () => {
    while (!signal.aborted) {
      try {
        const response = await fetch('/api/events/stream', { headers: { authorization: `Bearer ${token}` }, signal });
        const reader = response.body?.getReader();
        if (!reader) throw new Error('no stream');
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (new TextDecoder().decode(value).includes('event:')) onChange();
        }
      } catch {
        if (signal.aborted) return;
      }
      await new Promise((r) => setTimeout(r, 3000));
    }
  };
  void loop();
}
