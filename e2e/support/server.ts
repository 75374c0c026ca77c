import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { inject } from 'vitest';
import { startLotline } from '../../server/test-support/process';

export interface E2eServer {
  url: string;
  adminPassword: string;
  demoPassword: string;
  stop(): Promise<void>;
}

/** A data directory migrated and loaded with the demo plant once per run (global-setup.ts), with its audit key beside it. */
export interface E2eSeed {
  root: string;
  adminPassword: string;
  demoPassword: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eSeed: E2eSeed;
  }
}

/** A Lotline server on a fresh embedded database, with demo data, for one test file; `env` adds settings. */
export async function startE2eServer(env: Record<string, string> = {}): Promise<E2eServer> {
  // The audit key and checkpoints live beside the data directory: both inside one temporary root.
  const root = mkdtempSync(join(tmpdir(), 'lotline-e2e-'));
  const dataDir = join(root, 'data');
  const seed = inject('e2eSeed') as E2eSeed | undefined;
  // A copy of the run's seeded database is as fresh as a new one, without loading the demo plant again.
  if (seed) cpSync(seed.root, root, { recursive: true, filter: (path) => basename(path) !== 'lotline.lock' });
  const adminPassword = seed?.adminPassword ?? randomBytes(9).toString('base64url');
  // The tests register emulated printers on 127.0.0.1, which a production server refuses.
  const server = await startLotline(['--port', '0', '--data-dir', dataDir, '--demo'], { LOTLINE_ADMIN_PASSWORD: adminPassword, LOTLINE_ALLOW_LOCAL_PRINTERS: '1', ...env });
  const demoPassword = /with password (\S+)/.exec(server.output())?.[1] ?? seed?.demoPassword ?? '';
  return {
    url: server.url,
    adminPassword,
    demoPassword,
    async stop() {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
