/** The shape of the GS1 Barcode Syntax Dictionary, as the generator writes it out. */

export type CharacterSet = 'N' | 'X' | 'Y' | 'Z';

export interface AiComponent {
  cset: CharacterSet;
  min: number;
  max: number;
  optional: boolean;
  linters: string[];
}

export interface AiEntry {
  ai: string;
  /** Predefined length ("*"): never needs an FNC1 separator after it. */
  predefinedLength: boolean;
  /** Permitted as a GS1 Digital Link data attribute ("?"). */
  dlDataAttribute: boolean;
  components: AiComponent[];
  /** Each group must be met; a group is met by any one alternative; an alternative needs all of its AIs. */
  requires: string[][][];
  excludes: string[];
  /** Digital Link primary key: null when not a key; otherwise the allowed qualifier sequences. */
  dlPrimaryKey: string[][] | null;
  title: string;
  minLength: number;
  maxLength: number;
}

const FLAG_CHARS = /^[*!?"$%&'()+,\-./:;<=>@[\\\]^_`{|}~]+$/;

function parseComponent(token: string): AiComponent {
  const optional = token.startsWith('[');
  const match = /^\[?([NXYZ])(\.\.)?(\d+)\]?((?:,[a-z0-9]+)*)$/.exec(token);
  if (!match) throw new Error(`unreadable component '${token}'`);
  const length = Number(match[3]);
  return {
    cset: match[1] as CharacterSet,
    min: match[2] ? 1 : length,
    max: length,
    optional,
    linters: match[4] ? match[4].slice(1).split(',') : [],
  };
}

function expandAis(spec: string): string[] {
  const range = /^(\d+)-(\d+)$/.exec(spec);
  if (!range) return [spec];
  const [from, to] = [Number(range[1]), Number(range[2])];
  const width = range[1]!.length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(String(n).padStart(width, '0'));
  return out;
}

/** Reads the dictionary text into one entry per AI (ranges expanded), in the file's order. */
export function parseSyntaxDictionary(text: string): AiEntry[] {
  const entries: AiEntry[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const hash = line.indexOf('#');
    const title = hash === -1 ? '' : line.slice(hash + 1).trim();
    const tokens = (hash === -1 ? line : line.slice(0, hash)).trim().split(/\s+/);
    const aiSpec = tokens.shift()!;
    let flags = '';
    if (tokens[0] && FLAG_CHARS.test(tokens[0])) flags = tokens.shift()!;
    const components: AiComponent[] = [];
    const requires: string[][][] = [];
    const excludes: string[] = [];
    let dlPrimaryKey: string[][] | null = null;
    for (const token of tokens) {
      if (/^\[?[NXYZ]/.test(token)) components.push(parseComponent(token));
      else if (token.startsWith('req=')) requires.push(token.slice(4).split(',').map((alt) => alt.split('+')));
      else if (token.startsWith('ex=')) excludes.push(...token.slice(3).split(','));
      else if (token === 'dlpkey') dlPrimaryKey = [[]];
      else if (token.startsWith('dlpkey=')) dlPrimaryKey = token.slice(7).split('|').map((seq) => seq.split(','));
      else throw new Error(`unknown attribute '${token}' in: ${line}`);
    }
    if (components.length === 0) throw new Error(`no components in: ${line}`);
    const minLength = components.filter((c) => !c.optional).reduce((s, c) => s + c.min, 0);
    const maxLength = components.reduce((s, c) => s + c.max, 0);
    for (const ai of expandAis(aiSpec)) {
      entries.push({ ai, predefinedLength: flags.includes('*'), dlDataAttribute: flags.includes('?'), components, requires, excludes, dlPrimaryKey, title, minLength, maxLength });
    }
  }
  return entries;
}

/** GS1 AI lengths follow from their first two digits; the table must agree, or it is not usable. */
export function aiLengthByPrefix(entries: readonly AiEntry[]): Record<string, number> {
  const lengths: Record<string, number> = {};
  for (const { ai } of entries) {
    const prefix = ai.slice(0, 2);
    const known = lengths[prefix];
    if (known !== undefined && known !== ai.length) throw new Error(`AIs starting ${prefix} have lengths ${known} and ${ai.length}`);
    lengths[prefix] = ai.length;
  }
  return lengths;
}
