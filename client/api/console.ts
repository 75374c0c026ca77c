import type { OpProblem } from '../../sync';
import { api } from './client';

export interface Device {
  id: string;
  name: string;
  enrolledAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  appVersion: string | null;
  queueDepth: number | null;
  /** The enrolment of the same handheld this one replaced. */
  replacesDeviceId: string | null;
  version: number;
}

export interface DeviceHealth {
  deviceId: string;
  lastUser: string | null;
  opsToday: number;
  rejectedOps: number;
  openExceptions: number;
  /** Set while the device's pushes fail as a whole. */
  pushFailing: { code: string; message: string; at: string; failures: number } | null;
}

export interface StockException {
  id: string;
  opId: string;
  opType: string;
  deviceName: string;
  username: string;
  kind: string;
  lotNumber: string | null;
  locationCode: string | null;
  details: Record<string, unknown>;
  status: 'open' | 'resolved';
  resolution: string | null;
  createdAt: string;
  version: number;
}

export interface OpSummary {
  id: string;
  type: string;
  deviceName: string;
  username: string;
  receivedAt: string;
  status: string;
  message: string | null;
  problems: OpProblem[];
}

export const listDevices = (token: string) => api<{ devices: Device[] }>('/api/devices', { token });
export const deviceHealth = (token: string) => api<{ devices: DeviceHealth[] }>('/api/devices/health', { token });
export const enrolDevice = (token: string, name: string) => api<{ device: Device; token: string }>('/api/devices', { method: 'POST', token, body: JSON.stringify({ name }) });
export const revokeDevice = (token: string, id: string, reason: string) => api<Device>(`/api/devices/${id}/revoke`, { method: 'POST', token, body: JSON.stringify({ reason }) });
export const listExceptions = (token: string) => api<{ exceptions: StockException[] }>('/api/exceptions?status=open', { token });
export const resolveException = (token: string, e: StockException, action: 'accept' | 'adjust' | 'reverse', reason: string) =>
  api<StockException>(`/api/exceptions/${e.id}/resolve`, { method: 'POST', token, body: JSON.stringify({ action, reason, version: e.version }) });
export const listOps = (token: string, status?: string) => api<{ ops: OpSummary[] }>(`/api/ops${status ? `?status=${status}` : ''}`, { token });

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
