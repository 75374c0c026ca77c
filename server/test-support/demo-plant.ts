import { expect } from 'vitest';
import { loadDemoData } from '../seed/demo';
import { json, signIn, testApp, type TestApp } from './app';
import { openTestDb, type TestDb } from './db';

/** The demo plant on a database of its own, with its QA, supervisor and picker signed in. */
export interface DemoPlant {
  t: TestDb;
  app: TestApp;
  password: string;
  qa: string;
  supervisor: string;
  picker: string;
  lotId(lotNumber: string): Promise<string>;
  count(sql: string, params?: unknown[]): Promise<number>;
  /** QA releases a lot under signature, as a lot must be before it may be used or shipped. */
  release(lotNumber: string): Promise<void>;
  /** A recall case on the scope given, opened under QA's signature with terms that let it open. */
  openCase(scope: Record<string, unknown>, terms?: Record<string, unknown>): Promise<{ id: string; number: string; version: number }>;
}

const CASE_TERMS = {
  reason: 'plunger seal leaks',
  healthHazard: 'under-dosing',
  classes: { fda: 'II' },
  depth: 'user',
  strategy: 'return and destroy',
  effectiveness: { level: 'A' },
  jurisdictions: ['US'],
};

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export async function openDemoPlant(name: string): Promise<DemoPlant> {
  const t = await openTestDb(name);
  const app = await testApp(t.db);
  const password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  const qa = await signIn(app, 'qa', password);
  const lotId = async (lotNumber: string) => (await t.db.query<{ id: string }>('SELECT id FROM lots WHERE lot_number = $1', [lotNumber])).rows[0]!.id;
  return {
    t,
    app,
    password,
    qa,
    supervisor: await signIn(app, 'supervisor', password),
    picker: await signIn(app, 'picker', password),
    lotId,
    count: async (sql, params = []) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) x`, params)).rows[0]!.n,
    async openCase(scope, terms = {}) {
      const made = await app.request('/api/recalls', json('POST', { ...CASE_TERMS, ...terms, scope }, qa));
      expect(made.status, await made.clone().text()).toBe(201);
      const draft = ((await made.json()) as { case: { id: string; version: number } }).case;
      const opened = await app.request(`/api/recalls/${draft.id}/open`, json('POST', { meaning: 'approved', reason: 'recall board', password, version: draft.version }, qa));
      expect(opened.status, await opened.clone().text()).toBe(200);
      return ((await opened.json()) as { case: { id: string; number: string; version: number } }).case;
    },
    async release(lotNumber) {
      const lot = (await t.db.query<{ version: number }>('SELECT version FROM lots WHERE lot_number = $1', [lotNumber])).rows[0]!;
      const res = await app.request(`/api/lots/${await lotId(lotNumber)}/status`, json('POST', { to: 'released', meaning: 'released', reason: 'inspected', password, version: lot.version }, qa));
      expect(res.status).toBe(200);
    },
  };
}
