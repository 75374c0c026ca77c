import { parse, type ParseResult } from '../../domain/gs1';
import { UsageError, parseArgs } from './args';
import { EXIT, type CliCommand, type CliIo } from './io';

export const usage = `usage: lotline gs1 parse [--json] <data>
       lotline gs1 parse --json -        one input per line on stdin, one JSON object per line out

<data> is bracketed "(01)...(17)...", raw element strings, or a GS1 Digital Link URI. Shells cannot
easily pass ASCII 29 (GS): write it as \\x1d or {GS}. Exit 0: valid, 1: invalid, 2: usage.
`;

/** A shell-friendly spelling of GS becomes the real character. */
function unescapeGs(input: string): string {
  return input.replace(/\\x1d|\{GS\}/gi, '\x1d');
}

export function toJson(result: ParseResult): string {
  if (!result.ok) return JSON.stringify({ valid: false, error: result.error.message, code: result.error.code, ...(result.error.ai ? { ai: result.error.ai } : {}) });
  return JSON.stringify({
    valid: true,
    form: result.form,
    ...(result.symbology ? { symbology: result.symbology } : {}),
    elements: result.elements.map((e) => ({ ai: e.ai, value: e.value, ...(e.date ? { date: e.date } : {}), title: e.title })),
  });
}

function toTable(result: ParseResult): string {
  if (!result.ok) return `invalid: ${result.error.message}\n`;
  const width = Math.max(...result.elements.map((e) => e.ai.length + 2));
  return result.elements.map((e) => `${`(${e.ai})`.padEnd(width)}  ${e.value}${e.date ? `  ${e.date}` : ''}  ${e.title}`).join('\n') + '\n';
}

async function parseLines(io: CliIo): Promise<number> {
  let allValid = true;
  let batch = '';
  for await (const line of io.lines()) {
    const result = parse(unescapeGs(line));
    if (!result.ok) allValid = false;
    batch += `${toJson(result)}\n`;
    // Write in chunks: one write per line would make a 100k-line file crawl.
    if (batch.length > 64 * 1024) {
      io.out(batch);
      batch = '';
    }
  }
  if (batch) io.out(batch);
  return allValid ? EXIT.ok : EXIT.failed;
}

export const run: CliCommand = async (args, io) => {
  let json: boolean;
  let data: string;
  try {
    const parsed = parseArgs(args, { booleans: ['json'] });
    const [sub, ...rest] = parsed.positionals;
    if (sub !== 'parse') throw new UsageError(sub ? `unknown subcommand '${sub}'` : 'missing subcommand');
    if (rest.length !== 1) throw new UsageError(rest.length === 0 ? 'missing data to parse' : 'give one data string (quote it)');
    json = parsed.flags.has('json');
    data = rest[0]!;
    if (data === '-' && !json) throw new UsageError('reading stdin needs --json');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`lotline gs1: ${error.message}\n${usage}`);
    return EXIT.usage;
  }
  if (data === '-') return parseLines(io);
  const result = parse(unescapeGs(data));
  io.out(json ? `${toJson(result)}\n` : toTable(result));
  return result.ok ? EXIT.ok : EXIT.failed;
};
