import { EXIT, processIo, type CliCommand, type CliIo } from './io';

/**
 * Subcommands load lazily: `lotline gs1 parse` must not pay for opening a database or building
 * the PWA, and a scanner script calls it once per line.
 */
const commands: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  start: { summary: 'run Lotline: server, PWA, emulated printer, embedded database', load: async () => (await import('./start')).run },
  serve: { summary: 'run the server only (no build, no emulator); for scripts and tests', load: async () => (await import('./serve')).run },
  dev: { summary: 'server with reload plus the Vite dev server', load: async () => (await import('./dev')).run },
  gs1: { summary: 'gs1 parse [--json] <data> | gs1 parse --json -', load: async () => (await import('./gs1')).run },
  label: { summary: 'label zpl --template <name|file> --data <json> [--png <file>]: one label as ZPL', load: async () => (await import('./label')).run },
  audit: { summary: 'audit verify: walk the audit hash chain', load: async () => (await import('./audit')).run },
  trace: { summary: 'trace <lot> [--backward] [--json]: where a lot went, or what went into it', load: async () => (await import('./trace')).run },
  seed: { summary: 'load demo data into an empty database', load: async () => (await import('./seed')).run },
  'printer-emulator': { summary: 'a Zebra-like ZPL printer on TCP (--port 9100)', load: async () => (await import('./printer-emulator')).run },
};

function usage(io: CliIo): void {
  io.err('usage: lotline <command> [options]\n\ncommands:\n');
  for (const [name, c] of Object.entries(commands)) io.err(`  ${name.padEnd(18)} ${c.summary}\n`);
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    usage(io);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands[name];
  if (!command) {
    io.err(`lotline: unknown command '${name}'\n`);
    usage(io);
    return EXIT.usage;
  }
  const run = await command.load();
  return run(rest, io);
}
