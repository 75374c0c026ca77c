import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type Config } from '../config';
import { AnchorKeyError } from '../audit';
import { DataDirLockedError } from '../db';
import { startServer, type RunningServer } from '../runtime';
import { TlsFilesError } from '../runtime-support';
import { UsageError, parseArgs, stringFlag } from './args';
import { EXIT, type CliCommand, type CliIo } from './io';

export const PWA_DIR = fileURLToPath(new URL('../../dist/client', import.meta.url));

export const usage = `usage: lotline serve [--port N] [--host H] [--data-dir DIR] [--tls-cert FILE --tls-key FILE] [--demo]

Runs the server for production: no demo data unless --demo (or LOTLINE_DEMO=1). On an empty
database it creates the user admin; that first password must be changed before anything else.
  --port, --host, --data-dir    override PORT, HOST and DATA_DIR
  --tls-cert, --tls-key         PEM files: serve HTTPS (LOTLINE_TLS_CERT, LOTLINE_TLS_KEY)
  --demo                        load the demo plant into an empty database
Behind a reverse proxy that terminates TLS, set LOTLINE_TRUST_PROXY=1 (docs/operations.md).
`;

export const SERVE_FLAGS = { values: ['port', 'host', 'data-dir', 'tls-cert', 'tls-key'], booleans: ['demo'] } as const;

/** Flags win over the environment, so a script can start a throwaway server beside a real one. */
export function configFromArgs(args: readonly string[]): { config: Config; demoFlag: boolean } {
  const parsed = parseArgs(args, SERVE_FLAGS);
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument '${parsed.positionals[0]}'`);
  const env = { ...process.env };
  const port = stringFlag(parsed, 'port');
  const host = stringFlag(parsed, 'host');
  const dataDir = stringFlag(parsed, 'data-dir');
  if (port !== undefined) env.PORT = port;
  if (host !== undefined) env.HOST = host;
  if (dataDir !== undefined) env.DATA_DIR = dataDir;
  const tlsCert = stringFlag(parsed, 'tls-cert');
  const tlsKey = stringFlag(parsed, 'tls-key');
  if (tlsCert !== undefined) env.LOTLINE_TLS_CERT = tlsCert;
  if (tlsKey !== undefined) env.LOTLINE_TLS_KEY = tlsKey;
  return { config: loadConfig(env), demoFlag: parsed.flags.has('demo') };
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
    if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof TlsFilesError || error instanceof AnchorKeyError) {
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
      io.err(`lotline serve: ${error.message}\n${usage}`);
      return EXIT.usage;
    }
    throw error;
  }
  const demo = parsed.demoFlag || parsed.config.demo === true;
  const server = await startOrExplain(io, () => startServer({ config: parsed.config, demo, staticDir: existsSync(PWA_DIR) ? PWA_DIR : undefined }));
  if (typeof server === 'number') return server;
  for (const warning of server.warnings) io.err(`lotline: warning: ${warning}\n`);
  for (const note of server.notes) io.out(`${note}\n`);
  if (server.admin.generatedPassword) io.out(`First login: admin / ${server.admin.generatedPassword}\n`);
  if (server.admin.created && !demo) io.out('The admin must change this first password at the first sign-in before doing anything else.\n');
  if (server.demo?.loaded) io.out(`Demo data loaded; users ${server.demo.users.join(', ')} with password ${server.demo.password}\n`);
  io.out(`Lotline listening on ${server.url}\n`);
  return untilSignal(io, [() => server.close()]);
};
