import type { DashboardSettings, SettingsField, SettingsProblem } from '../../../../domain/dashboard/settings';
import type { DayBand } from '../../../../domain/dashboard/bands';

/** The settings as the form holds them: an empty box is null, and an empty "to" is an open-ended band. */
export interface SettingsValues {
  expiryBands: { from: number | null; to: number | null }[];
  ageingBands: { from: number | null; to: number | null }[];
  nearExpiryDays: number | null;
  deadStockDays: number | null;
  longHoldDays: number | null;
}

export const valuesOf = (s: DashboardSettings): SettingsValues => ({ ...s, expiryBands: s.expiryBands.map((b) => ({ ...b })), ageingBands: s.ageingBands.map((b) => ({ ...b })) });

/**
 * What the form sends. The form's rules keep the boxes filled; one that is empty all the same
 * is sent as nothing (NaN goes as null), for the server to refuse rather than the form to guess.
 */
export function settingsOf(v: SettingsValues): DashboardSettings {
  const bands = (list: SettingsValues['expiryBands']): DayBand[] => list.map((b) => ({ from: b.from ?? Number.NaN, to: b.to ?? null }));
  const days = (n: number | null) => n ?? Number.NaN;
  return { expiryBands: bands(v.expiryBands), ageingBands: bands(v.ageingBands), nearExpiryDays: days(v.nearExpiryDays), deadStockDays: days(v.deadStockDays), longHoldDays: days(v.longHoldDays) };
}

/** Where the form marks a problem the server found: the band's "from" box, or the day field itself. */
export type ProblemPath = [SettingsField] | ['expiryBands', number, 'from'] | ['ageingBands', number, 'from'];

export function problemField(p: Pick<SettingsProblem, 'field' | 'index'>): ProblemPath {
  if (p.index === undefined) return [p.field];
  if (p.field === 'expiryBands') return ['expiryBands', p.index, 'from'];
  if (p.field === 'ageingBands') return ['ageingBands', p.index, 'from'];
  return [p.field];
}

/** The problems of a refusal's details, kept only when they have the shape the server documents. */
export function problemsOf(details: Record<string, unknown>): SettingsProblem[] {
  const list = details.problems;
  if (!Array.isArray(list)) return [];
  return list.filter((p): p is SettingsProblem => typeof p === 'object' && p !== null && typeof (p as SettingsProblem).field === 'string' && typeof (p as SettingsProblem).code === 'string');
}
