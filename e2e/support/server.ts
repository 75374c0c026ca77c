import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLotline } from '../../server/test-support/process';

export interface E2eServer {
  url: string;
  adminPassword: string;
  demoPassword: string;
  stop(): Promise<void>;
}

/** A Lotline server on a fresh embedded database, with demo data, for one test file; `env` adds settings. */
export async function startE2eServer(env: Record<string, string> = {}): Promise<E2eServer> {
  // The audit key and checkpoints live beside the data directory: both inside one temporary root.
  const root = mkdtempSync(join(tmpdir(), 'lotline-e2e-'));
  const dataDir = join(root, 'data');
  const adminPassword = randomBytes(9).toString('base64url');
  // The tests register emulated printers on 127.0.0.1, which a production server refuses.
  const server = await startLotline(['--port', '0', '--data-dir', dataDir, '--demo'], { LOTLINE_ADMIN_PASSWORD: adminPassword, LOTLINE_ALLOW_LOCAL_PRINTERS: '1', ...env });
  const demoPassword = /with password (\S+)/.exec(server.output())?.[1] ?? '';
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
