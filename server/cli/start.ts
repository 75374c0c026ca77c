import { relative } from 'node:path';
import { createPrinterEmulator } from '../../printers/emulator';
import { startServer } from '../runtime';
import { UsageError } from './args';
import { EXIT, type CliCommand } from './io';
import { ensurePwaBuilt, PWA_OUT } from './pwa-build';
import { configFromArgs, startOrExplain, untilSignal } from './serve';

export const usage = `usage: lotline start [--port N] [--host H] [--data-dir DIR] [--tls-cert FILE --tls-key FILE]

Builds the PWA if needed, starts an emulated Zebra printer and the server, and loads the demo
plant into an empty database (LOTLINE_DEMO=0: no demo data, and the first admin password must be
changed at the first sign-in). For a plant's server use lotline serve.
`;

/**
 * The one command a new user runs: builds the PWA if needed, starts an emulated Zebra printer,
 * opens (and on first start fills) the database, and says where to go and how to sign in.
 */
export const run: CliCommand = async (args, io) => {
  let parsed: ReturnType<typeof configFromArgs>;
  try {
    parsed = configFromArgs(args);
  } catch (error) {
    if (error instanceof UsageError || (error as Error).name === 'ConfigError') {
      io.err(`lotline start: ${(error as Error).message}\n${usage}`);
      return EXIT.usage;
    }
    throw error;
  }
  const demo = parsed.demoFlag || (parsed.config.demo ?? true);
  await ensurePwaBuilt((line) => io.out(`${line}\n`));
  const printer = await createPrinterEmulator({ host: '127.0.0.1', port: Number(process.env.LOTLINE_PRINTER_PORT ?? 9100) }).catch(() =>
    // 9100 taken (a real spooler, or a second Lotline): any free port will do for the demo printer.
    createPrinterEmulator({ host: '127.0.0.1', port: 0 }),
  );
  const server = await startOrExplain(io, () => startServer({ config: parsed.config, demo, staticDir: PWA_OUT, printerEmulator: { name: 'ZT410 emulator', emulator: printer } }));
  if (typeof server === 'number') {
    await printer.close();
    return server;
  }
  const { config } = parsed;
  const lines = [
    '',
    `Lotline is running: open ${server.url}`,
    `  database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${relative(process.cwd(), config.dataDir) || '.'}`}`,
    `  printer:  emulated Zebra ZPL printer on ${printer.host}:${printer.port}`,
  ];
  if (server.admin.generatedPassword) lines.push(`  first login: admin / ${server.admin.generatedPassword}   (shown once; set LOTLINE_ADMIN_PASSWORD to choose it)`);
  else if (server.admin.created) lines.push('  first login: admin / the password in LOTLINE_ADMIN_PASSWORD');
  if (server.admin.created && !demo) lines.push('  the admin must change this first password at the first sign-in');
  if (server.demo?.loaded) lines.push(`  demo data loaded: users ${server.demo.users.join(', ')} / ${server.demo.password}`);
  for (const note of server.notes) lines.push(`  ${note}`);
  for (const warning of server.warnings) lines.push(`  warning: ${warning}`);
  lines.push('Stop with Ctrl+C.', '', `Lotline listening on ${server.url}`, '');
  io.out(lines.join('\n'));
  return untilSignal(io, [() => server.close(), () => printer.close()]);
};
