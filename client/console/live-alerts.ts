import type { Role } from '../../domain/auth';
import type { DeviceHealth, Device } from '../api/console';
import type { Printer } from '../api/printing';
import type { DeadlineAlert } from '../api/recall-reports';

/** Something a person at the console must hear about now, whichever page they are on. */
export type LiveAlert =
  | { key: string; kind: 'printer'; printer: string; state: string; since: string | null }
  | { key: string; kind: 'deadline'; caseNumber: string; deadline: string; state: DeadlineAlert['kind']; dueOn: string }
  | { key: string; kind: 'device'; device: string; code: string; message: string; failures: number };

/** Which sources a user may read (the same role lists as the API's access table). */
export function alertSources(roles: readonly Role[]): { printers: boolean; deadlines: boolean; devices: boolean } {
  const any = (allowed: readonly Role[]) => allowed.some((role) => roles.includes(role));
  return { printers: roles.length > 0, deadlines: any(['qc', 'supervisor', 'admin']), devices: any(['supervisor', 'admin']) };
}

/**
 * The alerts standing now. Each key changes when the trouble does (a printer that recovers and
 * runs out of paper again, a device blocked anew), so the same trouble is announced once.
 */
export function standingAlerts(input: { printers?: readonly Printer[]; deadlines?: readonly DeadlineAlert[]; devices?: readonly Device[]; health?: readonly DeviceHealth[] }): LiveAlert[] {
  const alerts: LiveAlert[] = [];
  for (const p of input.printers ?? []) {
    if (p.alerting) alerts.push({ key: `printer:${p.id}:${p.notReadySince ?? ''}:${p.state}`, kind: 'printer', printer: p.name, state: p.state, since: p.notReadySince });
  }
  for (const a of input.deadlines ?? []) {
    alerts.push({ key: `deadline:${a.id}`, kind: 'deadline', caseNumber: a.number, deadline: a.deadline, state: a.kind, dueOn: a.dueOn });
  }
  const names = new Map((input.devices ?? []).map((d) => [d.id, d.name]));
  for (const h of input.health ?? []) {
    if (h.pushFailing) alerts.push({ key: `device:${h.deviceId}:${h.pushFailing.code}`, kind: 'device', device: names.get(h.deviceId) ?? h.deviceId, code: h.pushFailing.code, message: h.pushFailing.message, failures: h.pushFailing.failures });
  }
  return alerts;
}

/** The alerts not yet announced, and the keys to remember: only those still standing, so a trouble that returns is announced again. */
export function newAlerts(announced: ReadonlySet<string>, standing: readonly LiveAlert[]): { fresh: LiveAlert[]; remember: Set<string> } {
  return { fresh: standing.filter((a) => !announced.has(a.key)), remember: new Set(standing.map((a) => a.key)) };
}
