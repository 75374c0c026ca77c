import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PWA_OUT = join(ROOT, 'dist/client');
const SOURCES = ['client', 'public', 'domain', 'sync', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts') || entry.endsWith('.test.tsx')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when the built PWA is missing or older than any of its sources. */
export function pwaIsStale(): boolean {
  const index = join(PWA_OUT, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(ROOT, source)) > built);
}

/** Builds the PWA with Vite when it is stale; a no-op on an unchanged tree. */
export async function ensurePwaBuilt(log: (line: string) => void = () => undefined): Promise<{ built: boolean }> {
  if (!pwaIsStale()) return { built: false };
  log('Building the PWA (first start or sources changed)...');
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'client'), logLevel: 'warn' });
  return { built: true };
}
