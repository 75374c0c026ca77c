import type { LotStatus, SignatureMeaning } from '../../domain/lots';
import type { DeviceHoldState, EffectivenessLevel, FdaClass, Jurisdiction, NmpaClass, RecallDepth, RecallHold, RecallState, ScopeBalance, ScopeDiff } from '../../domain/recall';
import { api } from './client';
import type { Answer, Schema } from './types';
import type { StockException } from './console';

/** What a recall starts from, as POST /api/recalls and /api/recalls/scope take it. */
export type RecallScopeInput = (
  | { kind: 'lot' | 'component_lot'; lotNumber: string; gtin?: string }
  | { kind: 'serial'; gtin: string; serial: string }
  | { kind: 'supplier_lot'; supplierLot: string; supplier?: string; gtin?: string }
) & { family?: boolean };

export type RecallCase = Schema<'RecallCase'>;
export type RecallStep = Schema<'RecallStep'>;

export interface ScopePreview {
  described: string;
  lots: { id: string; lotNumber: string; gtin: string; itemName: string; status: LotStatus; origin: 'received' | 'produced'; depth: number; reached: 'forward' | 'family'; hold: RecallHold }[];
  stock: { lotId: string; locationId: string; locationCode: string; locationKind: string; qty: number }[];
  picked: { pickListId: string; pickList: string; lotId: string; locationId: string; qty: number }[];
  unsynced: { devices: { deviceId: string; name: string; queuedOps: number; lastSeenAt: string | null }[]; queuedOps: number };
  shipmentLines: { id: string; shipment: string; customerId: string; lotId: string; serial: string | null; qty: number; shippedAt: string }[];
  consignees: { customerId: string; code: string; name: string; lines: number; shipped: number; returned: number; outstanding: number }[];
  balance: ScopeBalance;
  conflicts: { lotId: string; lotNumber: string; caseNumber: string }[];
}

export type FrozenScope = Schema<'RecallFrozenScope'>;

/** The terms as the draft route takes them: empty text and unset choices are left out. */
export interface NewRecallBody {
  reason: string;
  healthHazard?: string;
  classes?: { fda?: FdaClass | null; nmpa?: NmpaClass | null; euFsca?: boolean };
  depth?: RecallDepth | null;
  strategy?: string;
  effectiveness?: { level: EffectivenessLevel; percent?: number | null } | null;
  jurisdictions?: Jurisdiction[];
  drill?: boolean;
  scope: RecallScopeInput;
}

export interface Signing {
  meaning: SignatureMeaning;
  reason: string;
  password: string;
  version: number;
}

export type RecallStepOutcome = Schema<'RecallStepOutcome'>;

export const listRecalls = (token: string) => api<Answer<'/api/recalls', 'get'>>('/api/recalls', { token }).then((r) => r.cases);
export const getRecall = (token: string, id: string) => api<Answer<'/api/recalls/{id}', 'get'>>(`/api/recalls/${id}`, { token });
export const previewScope = (token: string, scope: RecallScopeInput) => api<ScopePreview>('/api/recalls/scope', { method: 'POST', token, body: JSON.stringify({ scope }) });
/** A new draft; or, when one open case already holds every lot of the scope, that case (joined). */
export const createRecall = (token: string, body: NewRecallBody) => api<{ case: RecallCase; joined?: true }>('/api/recalls', { method: 'POST', token, body: JSON.stringify(body) });
export const openRecall = (token: string, id: string, signing: Signing) => api<RecallStepOutcome>(`/api/recalls/${id}/open`, { method: 'POST', token, body: JSON.stringify(signing) });
export const moveRecall = (token: string, id: string, to: RecallState, signing: Signing) =>
  api<RecallStepOutcome>(`/api/recalls/${id}/transition`, { method: 'POST', token, body: JSON.stringify({ to, ...signing }) });

export const readScopeDiff = (token: string, id: string) => api<ScopeDiff>(`/api/recalls/${id}/scope-diff`, { token });

/** A handheld and whether it has a case's holds (GET /api/recalls/:id/devices). */
export interface HoldDevice {
  id: string;
  name: string;
  state: DeviceHoldState;
  acknowledgedAt: string | null;
  lastSeenAt: string | null;
  appVersion: string | null;
  queueDepth: number | null;
}

export interface HoldDevices {
  case: { id: string; number: string; state: RecallState; drill: boolean; heldAt: string | null; lots: number };
  devices: HoldDevice[];
  has: number;
  missing: number;
}

export const recallDevices = (token: string, id: string) => api<HoldDevices>(`/api/recalls/${id}/devices`, { token });

/** Ops booked on the case's held lots by handhelds that had not heard of the hold yet. */
export const recallFlaggedOps = (token: string, id: string) => api<{ exceptions: StockException[] }>(`/api/recalls/${id}/flagged-ops`, { token }).then((r) => r.exceptions);
