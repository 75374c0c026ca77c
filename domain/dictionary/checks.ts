/**
 * What a CHECK constraint says about one column, read from PostgreSQL's own rendering of it
 * (pg_get_constraintdef): a list of allowed codes (`x = ANY (ARRAY[...])`, `x <@ ARRAY[...]`),
 * or else the rule as written.
 */
export type CheckMeaning = { codes: string[] } | { rule: string };

const LIST = /(?:=\s*ANY\s*\(\s*ARRAY|<@\s*ARRAY)\[([^\]]*)\]/;
const ELEMENT = /'((?:[^']|'')*)'(?:::[a-z ]+)?|(-?\d+(?:\.\d+)?)/g;

function codesOf(list: string): string[] {
  const codes: string[] = [];
  for (const m of list.matchAll(ELEMENT)) codes.push(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!);
  return codes;
}

/** `CHECK ((a > 0))` -> `a > 0`: the rule without the keyword and the parentheses around all of it. */
export function checkRule(definition: string): string {
  let rule = definition.replace(/^CHECK\s*/i, '').trim();
  while (rule.startsWith('(') && rule.endsWith(')') && balanced(rule.slice(1, -1))) rule = rule.slice(1, -1).trim();
  return rule.replace(/::(text|numeric|integer)\b/g, '');
}

function balanced(text: string): boolean {
  let depth = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (quoted) continue;
    if (ch === '(') depth++;
    if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

export function readCheck(definition: string): CheckMeaning {
  const list = LIST.exec(definition);
  if (list) return { codes: codesOf(list[1]!) };
  return { rule: checkRule(definition) };
}
