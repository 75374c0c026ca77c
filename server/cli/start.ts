import { relative } from 'node:path';
import { createPrinterEmulator } from '../../printers/emulator';
import { startServer } from '../runtime';
import { UsageError } from './args';
import { EXIT, type CliCommand } from './io';
import { ensurePwaBuilt, PWA_OUT } from './pwa-build';
import { configFromArgs, startOrExplain, untilSignal } from './serve';

const USAGE = 'usage: lotline start [--port N] [--host H] [--data-dir DIR]\n';

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
      io.err(`lotline start: ${(error as Error).message}\n${USAGE}`);
      return EXIT.usage;
    }
    throw error;
  }
  if (parsed.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  await ensurePwaBuilt((line) => io.out(`${line}\n`));
  const printer = await createPrinterEmulator({ host: '127.0.0.1', port: Number(process.env.LOTLINE_PRINTER_PORT ?? 9100) }).catch(() =>
    // 9100 taken (a real spooler, or a second Lotline): any free port will do for the demo printer.
    createPrinterEmulator({ host: '127.0.0.1', port: 0 }),
  );
  const server = await startOrExplain(io, () => startServer({ config: parsed.config, demo: true, staticDir: PWA_OUT, printerEmulator: { name: 'ZT410 emulator', emulator: printer } }));
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
  if (server.demo?.loaded) lines.push(`  demo data loaded: users ${server.demo.users.join(', ')} / ${server.demo.password}`);
  lines.push('Stop with Ctrl+C.', '', `Lotline listening on ${server.url}`, '');
  io.out(lines.join('\n'));
  return untilSignal(io, [() => server.close(), () => printer.close()]);
};
