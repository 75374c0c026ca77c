import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensurePwaBuilt } from '../server/cli/pwa-build';
import { startLotline } from '../server/test-support/process';
import type { E2eSeed } from './support/server';

/**
 * Browser tests run against the built PWA: build it once per run, only when its sources changed.
 * Then migrate a database and load the demo plant once, for every test file's server to start
 * from a copy: on a busy machine that load took most of half a minute per file.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  await ensurePwaBuilt((line) => console.log(line));
  const root = mkdtempSync(join(tmpdir(), 'lotline-e2e-seed-'));
  const adminPassword = randomBytes(9).toString('base64url');
  const server = await startLotline(['--port', '0', '--data-dir', join(root, 'data'), '--demo'], { LOTLINE_ADMIN_PASSWORD: adminPassword, LOTLINE_ALLOW_LOCAL_PRINTERS: '1' }, 180_000);
  const demoPassword = /with password (\S+)/.exec(server.output())?.[1];
  await server.stop();
  if (!demoPassword) throw new Error(`the seed server loaded no demo data:\n${server.output()}`);
  project.provide('e2eSeed', { root, adminPassword, demoPassword } satisfies E2eSeed);
  return () => rmSync(root, { recursive: true, force: true });
}
