import { createPrinterEmulator } from '../../printers/emulator';
import { UsageError, parseArgs, stringFlag } from './args';
import { EXIT, type CliCommand } from './io';
import { untilSignal } from './serve';

export const usage = 'usage: lotline printer-emulator [--port 9100] [--host 127.0.0.1] [--store DIR] [--offline|--paper-out|--head-open|--paused] [--drop-after-bytes N]\n';

function intFlag(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > 65535 * 1000) throw new UsageError(`--${name} must be a whole number (got '${value}')`);
  return Number(value);
}

export const run: CliCommand = async (args, io) => {
  let options;
  try {
    const parsed = parseArgs(args, { values: ['port', 'host', 'store', 'drop-after-bytes'], booleans: ['offline', 'paper-out', 'head-open', 'paused'] });
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument '${parsed.positionals[0]}'`);
    const port = intFlag(stringFlag(parsed, 'port'), 'port', 0) ?? 9100;
    if (port > 65535) throw new UsageError('--port must be at most 65535');
    options = {
      port,
      host: stringFlag(parsed, 'host') ?? '127.0.0.1',
      ...(stringFlag(parsed, 'store') ? { storeDir: stringFlag(parsed, 'store')! } : {}),
      state: {
        online: !parsed.flags.has('offline'),
        paperOut: parsed.flags.has('paper-out'),
        headOpen: parsed.flags.has('head-open'),
        paused: parsed.flags.has('paused'),
        dropAfterBytes: intFlag(stringFlag(parsed, 'drop-after-bytes'), 'drop-after-bytes', 1) ?? null,
      },
    };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`lotline printer-emulator: ${error.message}\n${usage}`);
    return EXIT.usage;
  }
  let printer;
  try {
    printer = await createPrinterEmulator(options);
  } catch (error) {
    io.err(`lotline printer-emulator: cannot listen on ${options.host}:${options.port}: ${(error as Error).message}\n`);
    return EXIT.failed;
  }
  io.out(`Printer emulator listening on ${printer.host}:${printer.port}${options.state.online ? '' : ' (offline: refusing connections)'}\n`);
  return untilSignal(io, [() => printer.close()]);
};
