import type { E2eServer } from './server';
import { apiCall } from './session';

export interface OpenedCase {
  id: string;
  number: string;
  version: number;
}

/** The terms a recall needs to open; a test changes only what it is about. */
const TERMS: Record<string, unknown> = {
  reason: 'Plunger seal leaks under pressure',
  healthHazard: 'Air aspiration during injection',
  classes: { fda: 'II' },
  depth: 'user',
  strategy: 'Return every unit to the plant',
  effectiveness: { level: 'A' },
  jurisdictions: ['US'],
  // The demo's finished syringe lot, 100 of it shipped to DIST-BJ.
  scope: { kind: 'lot', lotNumber: 'S24110701', gtin: '06901234000016' },
};

/** A recall case opened through the API under QA's signature, for a test about what comes after. */
export async function openRecallCase(server: E2eServer, token: string, terms: Record<string, unknown> = {}): Promise<OpenedCase> {
  const made = await apiCall<{ case: OpenedCase }>(server, '/api/recalls', { token, body: { ...TERMS, ...terms } });
  const opened = await apiCall<{ case: OpenedCase }>(server, `/api/recalls/${made.case.id}/open`, { token, body: { meaning: 'approved', reason: 'Recall board decision', password: server.demoPassword, version: made.case.version } });
  return opened.case;
}
