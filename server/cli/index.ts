import { EXIT, processIo, type CliCommandModule, type CliIo } from './io';

/**
 * Subcommands load lazily: `lotline gs1 parse` must not pay for opening a database or building
 * the PWA, and a scanner script calls it once per line.
 */
const commands: Record<string, { summary: string; load: () => Promise<CliCommandModule> }> = {
  start: { summary: 'run Lotline with demo data: server, PWA, emulated printer, embedded database', load: () => import('./start') },
  serve: { summary: 'run the server for production (no demo data; --tls-cert/--tls-key for HTTPS)', load: () => import('./serve') },
  dev: { summary: 'server with reload plus the Vite dev server', load: () => import('./dev') },
  gs1: { summary: 'gs1 parse [--json] <data> | gs1 parse --json -', load: () => import('./gs1') },
  epc: { summary: 'epc encode --scheme sgtin-96 --gtin G --serial S | epc decode <hex> [--json]: RFID EPCs', load: () => import('./epc') },
  label: { summary: 'label zpl --template <name|file> --data <json> [--png <file>]: one label as ZPL', load: () => import('./label') },
  audit: { summary: 'audit verify [--url URL]: walk the audit hash chain', load: () => import('./audit') },
  trace: { summary: 'trace <lot> [--backward] [--json] [--url URL]: where a lot went, or what went into it', load: () => import('./trace') },
  recall: { summary: 'recall scope <lot|--serial S|--supplier-lot L> | list | show <number> [--json] [--url URL]: recall scope and cases', load: () => import('./recall') },
  import: { summary: 'import <file> --kind lots|items|stock|genealogy|shipments --user NAME [--dry-run] [--valid-only]: legacy CSV/XLSX', load: () => import('./import') },
  apikey: { summary: 'apikey create <integration> --scopes S,S | list | rotate <id> | revoke <id>: API keys for an ERP or MES', load: () => import('./apikey') },
  backup: { summary: 'backup <file> [--url URL]: a checked copy of the embedded database', load: () => import('./backup') },
  restore: { summary: 'restore <file> [--data-dir DIR] [--force]: a backup into a new data directory', load: () => import('./restore') },
  db: { summary: 'db grant-runtime-role <role>: PostgreSQL rights for the server without the power to switch off the audit guard', load: () => import('./db') },
  seed: { summary: 'load demo data into an empty database', load: () => import('./seed') },
  'printer-emulator': { summary: 'a Zebra-like ZPL printer on TCP (--port 9100)', load: () => import('./printer-emulator') },
};

function usage(): string {
  const lines = ['usage: lotline <command> [options]', '       lotline <command> --help', '', 'commands:'];
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name.padEnd(18)} ${c.summary}`);
  return `${lines.join('\n')}\n`;
}

/** `--help` or `-h` anywhere before a `--` asks for the command's usage, whatever else is there. */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    io.err(usage());
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io.out(usage());
    return EXIT.ok;
  }
  if (name === 'help') return main([rest[0]!, '--help'], io);
  const command = commands[name];
  if (!command) {
    io.err(`lotline: unknown command '${name}'\n${usage()}`);
    return EXIT.usage;
  }
  const module = await command.load();
  if (wantsHelp(rest)) {
    io.out(module.usage);
    return EXIT.ok;
  }
  return module.run(rest, io);
}
