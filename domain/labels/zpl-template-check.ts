import type { BarcodeField, Gs1Field, TextField } from './fields';
import { lineAt, scanPlaceholders } from './placeholders';
import { zplText, type ZplTemplate } from './template';
import { isSafeDataMatrixEscape } from './zpl-barcodes';
import { formatProblem, paramList, zplCommands, type ZplCommand } from './zpl-commands';

/** Where data goes into a raw ZPL template, and how it must be written there. */
export type ZplSlot =
  | { kind: 'text'; start: number; end: number; name: TextField | 'digitalLink'; fields: Gs1Field[] | null; hexIndicator: string | null }
  | { kind: 'dataMatrix'; start: number; end: number; fields: Gs1Field[] | null; escape: string }
  /** The ^BC command is rewritten too: the data decides between mode D and mode N. */
  | { kind: 'gs1128'; start: number; end: number; fields: Gs1Field[] | null; command: { start: number; end: number; params: string[]; trailing: string } };

export type ZplTemplatePlan = { ok: true; text: string; slots: ZplSlot[] } | { ok: false; problems: string[] };

interface Field {
  commands: ZplCommand[];
}

const BARCODE_OF: Record<BarcodeField, string> = { dataMatrix: 'BX', gs1128: 'BC', digitalLink: 'BQ' };

// ^CC/^CT/^CD change the characters ZPL is parsed by; past them this checker would misread everything.
const SYNTAX_CHANGES = new Set(['CC', 'CT', 'CD']);

/**
 * Checks a raw ZPL template as it is saved and finds where each placeholder's data goes. The
 * rules are the ones a real Zebra needs: formats balanced, placeholders only inside ^FD, free
 * text only under ^FH, GS1 DataMatrix at quality 200 with an escape character that is no GS1
 * character, and no ^FH in a barcode field (it would rewrite `_xx` in the data).
 */
export function planZplTemplate(template: ZplTemplate): ZplTemplatePlan {
  const text = zplText(template);
  const line = (offset: number) => lineAt(text, offset);
  const problems: string[] = [];
  const scan = scanPlaceholders(text);
  if (!scan.ok) return { ok: false, problems: [`line ${line(scan.at)}: ${scan.problem}`] };

  const { leading, commands } = zplCommands(text);
  if (leading.trim() !== '') problems.push(`line 1: '${leading.trim().slice(0, 20)}' comes before the first ZPL command`);
  const syntax = commands.find((c) => SYNTAX_CHANGES.has(c.code));
  if (syntax) return { ok: false, problems: [`line ${line(syntax.start)}: ${syntax.prefix}${syntax.code} changes ZPL's command characters; templates must keep ^ and ~`] };
  const format = formatProblem(commands, line);
  if (format) problems.push(format);
  if (problems.length > 0) return { ok: false, problems };

  const fieldOf = fieldsByCommand(commands);
  const slots: ZplSlot[] = [];
  for (const placeholder of scan.placeholders) {
    const where = `line ${line(placeholder.start)}: {{${text.slice(placeholder.start + 2, placeholder.end - 2).trim()}}}`;
    const index = commands.findIndex((c) => c.start <= placeholder.start && placeholder.end <= c.end);
    const command = commands[index];
    if (!command || command.prefix + command.code !== '^FD' || placeholder.start < command.start + 3) {
      problems.push(`${where} is outside field data: placeholders go in ^FD`);
      continue;
    }
    const field = fieldOf.get(index)!;
    const fh = field.commands.find((c) => c.code === 'FH' && c.prefix === '^');
    const hexIndicator = fh ? (fh.params.trim()[0] ?? '_') : null;
    const barcode = field.commands.find((c) => c.prefix === '^' && c.code.startsWith('B') && c.code !== 'BY');
    const alone = command.params.trim() === text.slice(placeholder.start, placeholder.end);

    if (placeholder.kind === 'barcode' && placeholder.name !== 'digitalLink') {
      const wanted = BARCODE_OF[placeholder.name];
      if (!barcode || barcode.code !== wanted) {
        problems.push(`${where} needs a ^${wanted} barcode in its field`);
      } else if (fh) {
        problems.push(`${where}: ^FH in a barcode field would rewrite '${fh.params.trim()[0] ?? '_'}' in the data; remove it`);
      } else if (!alone) {
        problems.push(`${where} must be the whole field data (^FD${text.slice(placeholder.start, placeholder.end)}^FS)`);
      } else if (placeholder.name === 'dataMatrix') {
        const params = paramList(barcode);
        const escape = params[6] ?? '';
        if (params[2] !== '200') {
          problems.push(`${where}: ^BX at line ${line(barcode.start)} has quality '${params[2] ?? ''}'; GS1 DataMatrix needs 200 (printers default to ECC 000)`);
        } else if (!isSafeDataMatrixEscape(escape)) {
          problems.push(
            `${where}: ^BX at line ${line(barcode.start)} needs an escape character that is not GS1 data (7th parameter, e.g. ^BXN,5,200,,,,#); '${escape}' ${escape ? 'can appear in lots and serials' : 'is missing'}`,
          );
        } else {
          slots.push({ kind: 'dataMatrix', start: placeholder.start, end: placeholder.end, fields: placeholder.fields, escape });
        }
      } else {
        const params = paramList(barcode);
        if (params.length > 5 && !['', 'D', 'N'].includes(params[5]!.toUpperCase())) {
          problems.push(`${where}: ^BC at line ${line(barcode.start)} is in mode '${params[5]}'; GS1-128 needs mode D (N is chosen for data D would change)`);
        } else {
          const trailing = barcode.params.slice(barcode.params.trimEnd().length);
          slots.push({ kind: 'gs1128', start: placeholder.start, end: placeholder.end, fields: placeholder.fields, command: { start: barcode.start, end: barcode.end, params, trailing } });
        }
      }
      continue;
    }
    // Past the branch above, a barcode placeholder can only be {{digitalLink}}: a URI, written like text.
    const name = placeholder.kind === 'text' ? placeholder.name : 'digitalLink';
    const fields = placeholder.kind === 'barcode' ? placeholder.fields : null;
    if (fields && !fields.includes('gtin')) {
      problems.push(`${where}: a Digital Link needs gtin, its primary key`);
    } else if (barcode && !(name === 'digitalLink' && barcode.code === 'BQ')) {
      problems.push(`${where} is inside a ^${barcode.code} barcode: barcodes take {{dataMatrix}}, {{gs1128}} or {{digitalLink}}`);
    } else if (name === 'itemName' && !fh) {
      problems.push(`${where} is free text: its field needs ^FH so ^, ~ and non-ASCII characters are escaped`);
    } else {
      slots.push({ kind: 'text', start: placeholder.start, end: placeholder.end, name, fields, hexIndicator: barcode ? null : hexIndicator });
      if (barcode && fh) problems.push(`${where}: ^FH in a barcode field would rewrite the data`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, text, slots };
}

/** The field (commands from one ^FS to the next) each command belongs to, by command index. */
function fieldsByCommand(commands: readonly ZplCommand[]): Map<number, Field> {
  const byIndex = new Map<number, Field>();
  let field: Field = { commands: [] };
  commands.forEach((command, i) => {
    field.commands.push(command);
    byIndex.set(i, field);
    if (command.code === 'FS' || command.code === 'XA' || command.code === 'XZ') field = { commands: [] };
  });
  return byIndex;
}
