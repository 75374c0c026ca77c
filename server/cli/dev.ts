import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EXIT, type CliCommand } from './io';
import { untilSignal } from './serve';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const usage = 'usage: lotline dev   (API with demo data on PORT or 3000, Vite with reload on 5173)\n';

/** API server with demo data on port 3000, and Vite's dev server with hot reload in front of it. */
export const run: CliCommand = async (args, io) => {
  if (args.length > 0) {
    io.err(usage);
    return EXIT.usage;
  }
  const apiPort = process.env.PORT ?? '3000';
  const api = spawn(process.execPath, [`${ROOT}bin/lotline.mjs`, 'serve', '--port', apiPort, '--demo'], { stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
  const apiExited = new Promise<void>((resolve) => api.once('exit', () => resolve()));
  process.env.LOTLINE_API_PORT = apiPort;
  const { createServer } = await import('vite');
  const vite = await createServer({ configFile: `${ROOT}vite.config.ts`, server: { host: '127.0.0.1' } });
  await vite.listen();
  io.out(`Vite dev server: ${vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/'} (API proxied to port ${apiPort})\n`);
  return untilSignal(io, [
    () => vite.close(),
    async () => {
      if (api.exitCode === null) api.kill('SIGTERM');
      await apiExited;
    },
  ]);
};
