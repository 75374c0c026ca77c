import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type Config } from '../config';
import { DataDirLockedError } from '../db';
import { startServer, type RunningServer } from '../runtime';
import { UsageError, parseArgs, stringFlag } from './args';
import { EXIT, type CliCommand, type CliIo } from './io';

export const PWA_DIR = fileURLToPath(new URL('../../dist/client', import.meta.url));

export const SERVE_FLAGS = { values: ['port', 'host', 'data-dir'], booleans: ['demo', 'help'] } as const;

/** Flags win over the environment, so a script can start a throwaway server beside a real one. */
export function configFromArgs(args: readonly string[]): { config: Config; demo: boolean; help: boolean } {
  const parsed = parseArgs(args, SERVE_FLAGS);
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument '${parsed.positionals[0]}'`);
  const env = { ...process.env };
  const port = stringFlag(parsed, 'port');
  const host = stringFlag(parsed, 'host');
  const dataDir = stringFlag(parsed, 'data-dir');
  if (port !== undefined) env.PORT = port;
  if (host !== undefined) env.HOST = host;
  if (dataDir !== undefined) env.DATA_DIR = dataDir;
  return { config: loadConfig(env), demo: parsed.flags.has('demo'), help: parsed.flags.has('help') };
}

/** Stops cleanly on SIGINT/SIGTERM; resolves with the exit code once everything is closed. */
export function untilSignal(io: CliIo, closers: (() => Promise<void>)[]): Promise<number> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.err(`\n${signal}: stopping...\n`);
      Promise.all(closers.map((close) => close()))
        .then(() => resolve(EXIT.ok))
        .catch((error: unknown) => {
          io.err(`error while stopping: ${String(error)}\n`);
          resolve(EXIT.failed);
        });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Turns the errors a start can meet into one clear line each. */
export async function startOrExplain(io: CliIo, start: () => Promise<RunningServer>): Promise<RunningServer | number> {
  try {
    return await start();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      io.err(`lotline: ${error.message}\n`);
      return EXIT.failed;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      io.err(`lotline: the port is already in use (${(error as Error).message}). Choose another with PORT or --port.\n`);
      return EXIT.failed;
    }
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '3D000' || code === '28P01') {
      io.err(`lotline: cannot use the PostgreSQL server in DATABASE_URL: ${(error as Error).message}\n`);
      return EXIT.failed;
    }
    throw error;
  }
}

export const run: CliCommand = async (args, io) => {
  let parsed: ReturnType<typeof configFromArgs>;
  try {
    parsed = configFromArgs(args);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.err(`lotline serve: ${error.message}\nusage: lotline serve [--port N] [--host H] [--data-dir DIR] [--demo]\n`);
      return EXIT.usage;
    }
    throw error;
  }
  if (parsed.help) {
    io.out('usage: lotline serve [--port N] [--host H] [--data-dir DIR] [--demo]\n');
    return EXIT.ok;
  }
  const server = await startOrExplain(io, () =>
    startServer({ config: parsed.config, demo: parsed.demo, staticDir: existsSync(PWA_DIR) ? PWA_DIR : undefined }),
  );
  if (typeof server === 'number') return server;
  if (server.admin.generatedPassword) io.out(`First login: admin / ${server.admin.generatedPassword}\n`);
  if (server.demo?.loaded) io.out(`Demo data loaded; users ${server.demo.users.join(', ')} with password ${server.demo.password}\n`);
  io.out(`Lotline listening on ${server.url}\n`);
  return untilSignal(io, [() => server.close()]);
};
