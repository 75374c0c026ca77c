import { writeFile } from 'node:fs/promises';
import { compileTemplate, labelSize } from '../../domain/labels';
import { prefixLengthOf } from '../printing/label-maker';
import { TemplateLoadError, listTemplates, loadTemplate } from '../../printers/templates';
import { UsageError, parseArgs, stringFlag } from './args';
import { EXIT, type CliCommand, type CliIo } from './io';

export const usage = `usage: lotline label zpl --template <name|file.json> --data <json|-> [--png <file>]
       lotline label list

zpl     prints one label as ZPL on stdout. --template is a starter template (lotline label list)
        or a template file; --data is the label data as JSON, or - to read it from stdin:
        {"gtin":"09506000134352","lot":"ABC123","expiry":"2026-12-31","serial":"S1"}
        (optional: serial, mfgDate, qty, itemName). --png also writes a preview image.
Exit 0: printed, 1: data GS1 refuses (the reason on stderr), 2: usage or template problem.
`;

async function readStdin(io: CliIo): Promise<string> {
  let text = '';
  for await (const line of io.lines()) text += `${line}\n`;
  return text;
}

async function printZpl(template: string, dataText: string, png: string | undefined, io: CliIo): Promise<number> {
  let data: unknown;
  try {
    data = JSON.parse(dataText);
  } catch (error) {
    throw new UsageError(`--data is not JSON: ${(error as Error).message}`);
  }
  const loaded = await loadTemplate(template);
  const made = compileTemplate(loaded, { prefixLengthOf })(data);
  if (!made.ok) {
    io.err(`lotline label: ${made.error.message}\n`);
    return EXIT.failed;
  }
  if (png) {
    try {
      // The renderer is heavy; a plain `label zpl` in a script loop should not load it.
      const { renderZplToPng } = await import('../../printers/render');
      await writeFile(png, await renderZplToPng(made.zpl, { ...labelSize(loaded), dpi: loaded.dpi }));
    } catch (error) {
      io.err(`lotline label: cannot write the preview ${png}: ${(error as Error).message}\n`);
      return EXIT.failed;
    }
  }
  io.out(made.zpl);
  return EXIT.ok;
}

export const run: CliCommand = async (args, io) => {
  try {
    const parsed = parseArgs(args, { values: ['template', 'data', 'png'] });
    const [sub, ...rest] = parsed.positionals;
    if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`);
    if (sub === 'list') {
      io.out((await listTemplates()).map((name) => `${name}\n`).join(''));
      return EXIT.ok;
    }
    if (sub !== 'zpl') throw new UsageError(sub ? `unknown subcommand '${sub}'` : 'missing subcommand');
    const template = stringFlag(parsed, 'template');
    const data = stringFlag(parsed, 'data');
    if (!template) throw new UsageError('missing --template');
    if (!data) throw new UsageError('missing --data');
    return await printZpl(template, data === '-' ? await readStdin(io) : data, stringFlag(parsed, 'png'), io);
  } catch (error) {
    if (error instanceof TemplateLoadError) {
      io.err(`lotline label: ${error.message}\n`);
      return EXIT.usage;
    }
    if (!(error instanceof UsageError)) throw error;
    io.err(`lotline label: ${error.message}\n${usage}`);
    return EXIT.usage;
  }
};
