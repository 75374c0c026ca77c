import { describe, expect, it } from 'vitest';
import type { Device, DeviceHealth } from '../api/console';
import type { Printer } from '../api/printing';
import type { DeadlineAlert } from '../api/recall-reports';
import { alertSources, newAlerts, standingAlerts } from './live-alerts';

const printer = (over: Partial<Printer>): Printer => ({
  id: 'p1',
  name: 'ZT411 line 1',
  host: null,
  port: null,
  dpi: 300,
  locationCode: null,
  cjkFont: null,
  active: true,
  state: 'ready',
  stateDetail: null,
  stateAt: null,
  notReadySince: null,
  alertAfterSeconds: 60,
  alerting: false,
  queued: 0,
  inPrinter: 0,
  uncertain: 0,
  rfidPolicy: { retry: true, retries: null, readBackTimeoutMs: null },
  version: 1,
  ...over,
});
const deadline: DeadlineAlert = { id: 'a1', caseId: 'c1', number: 'RC-2025-0001', deadline: 'nmpa_notice', kind: 'due_soon', dueOn: '2025-03-02', raisedAt: '2025-03-01T08:00:00Z' };
const device: Device = { id: 'd1', name: 'TC52 dock 2', enrolledAt: '2025-01-01T00:00:00Z', revokedAt: null, lastSeenAt: null, appVersion: null, queueDepth: 3, replacesDeviceId: null, version: 1 };
const health = (pushFailing: DeviceHealth['pushFailing']): DeviceHealth => ({ deviceId: 'd1', lastUser: 'picker', opsToday: 0, rejectedOps: 0, openExceptions: 0, pushFailing });

describe('live alerts', () => {
  it.each([
    [[], { printers: false, deadlines: false, devices: false }],
    [['operator'], { printers: true, deadlines: false, devices: false }],
    [['labeladmin'], { printers: true, deadlines: false, devices: false }],
    [['qc'], { printers: true, deadlines: true, devices: false }],
    [['admin'], { printers: true, deadlines: true, devices: true }],
  ] as const)('roles %j read %j', (roles, sources) => {
    expect(alertSources(roles)).toEqual(sources);
  });

  it('raises a printer only once it is alerting, not the moment it is not ready', () => {
    expect(standingAlerts({ printers: [printer({ state: 'paper_out', notReadySince: '2025-03-01T08:00:00Z' })] })).toEqual([]);
    expect(standingAlerts({ printers: [printer({ state: 'paper_out', notReadySince: '2025-03-01T08:00:00Z', alerting: true })] })).toEqual([
      { key: 'printer:p1:2025-03-01T08:00:00Z:paper_out', kind: 'printer', printer: 'ZT411 line 1', state: 'paper_out', since: '2025-03-01T08:00:00Z' },
    ]);
  });

  it('names a blocked device, or its id when the device list did not come', () => {
    const blocked = health({ code: 'device_revoked', message: 'revoked', at: '2025-03-01T08:00:00Z', failures: 4 });
    expect(standingAlerts({ devices: [device], health: [blocked, health(null)] })).toMatchObject([{ kind: 'device', device: 'TC52 dock 2', failures: 4 }]);
    expect(standingAlerts({ health: [blocked] })).toMatchObject([{ device: 'd1' }]);
  });

  it('announces each trouble once, and again when it returns after clearing', () => {
    const a = standingAlerts({ deadlines: [deadline] });
    const first = newAlerts(new Set(), a);
    expect(first.fresh.map((x) => x.key)).toEqual(['deadline:a1']);
    expect(newAlerts(first.remember, a).fresh).toEqual([]);
    const cleared = newAlerts(first.remember, []);
    expect(cleared.remember.size).toBe(0);
    expect(newAlerts(cleared.remember, a).fresh).toHaveLength(1);
  });
});
