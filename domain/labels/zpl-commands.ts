/** One ZPL command as written: `^FO50,50` is prefix `^`, code `FO`, params `50,50`. */
export interface ZplCommand {
  prefix: '^' | '~';
  /** Two characters, upper-cased (`A0` for the font command `^A0`). */
  code: string;
  params: string;
  /** Offsets of the whole command in the text: [start, end). */
  start: number;
  end: number;
}

/**
 * Splits ZPL into commands. A command's parameters run to the next `^` or `~`: that is also
 * where a printer ends field data, which is why neither may appear in ^FD. Text before the
 * first command is returned as `leading` so a checker can object to it.
 */
export function zplCommands(text: string): { leading: string; commands: ZplCommand[] } {
  const commands: ZplCommand[] = [];
  let at = nextPrefix(text, 0);
  const leading = text.slice(0, at);
  while (at < text.length) {
    const end = nextPrefix(text, at + 1);
    commands.push({ prefix: text[at] as '^' | '~', code: text.slice(at + 1, Math.min(at + 3, end)).toUpperCase(), params: text.slice(Math.min(at + 3, end), end), start: at, end });
    at = end;
  }
  return { leading, commands };
}

function nextPrefix(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5e || c === 0x7e) return i;
  }
  return text.length;
}

/** A command's comma-separated parameters, each trimmed of the line breaks around commands. */
export const paramList = (command: ZplCommand): string[] => command.params.trim().split(',');

/** Formats: each ^XA closed by ^XZ before the next opens. Returns the first problem found. */
export function formatProblem(commands: readonly ZplCommand[], lineOf: (offset: number) => number): string | null {
  let open: ZplCommand | null = null;
  let formats = 0;
  for (const command of commands) {
    const name = command.prefix + command.code;
    if (name === '^XA') {
      if (open) return `^XA at line ${lineOf(command.start)} opens a format inside the one opened at line ${lineOf(open.start)} (missing ^XZ?)`;
      open = command;
    } else if (name === '^XZ') {
      if (!open) return `^XZ at line ${lineOf(command.start)} closes a format that was never opened with ^XA`;
      open = null;
      formats++;
    } else if (!open && command.prefix === '^') {
      return `${name} at line ${lineOf(command.start)} is outside ^XA..^XZ`;
    }
    if (command.params.trim() !== '' && (name === '^XA' || name === '^XZ')) {
      return `${name} at line ${lineOf(command.start)} is followed by text '${command.params.trim().slice(0, 20)}' that is not a command`;
    }
  }
  if (open) return `^XA at line ${lineOf(open.start)} is never closed by ^XZ`;
  if (formats === 0) return 'no label format: the ZPL needs ^XA ... ^XZ';
  return null;
}
