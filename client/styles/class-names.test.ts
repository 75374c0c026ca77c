import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The naming scheme of app.css, which has one global namespace: a screen's root is `screen <name>`, and
 * `<name>` belongs to that screen alone. No other element may carry it, and the style sheet addresses it
 * only as `.screen.<name>`. Components name their classes after themselves (`count-badge`, `op-list`,
 * `sync-bar`). The Count screen was once drawn as a red pill because `.count` also styled a badge.
 */

const CLIENT = fileURLToPath(new URL('../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** The text of every className attribute: a string, or the expression in braces. */
export function classNameAttributes(source: string): string[] {
  const found: string[] = [];
  const start = /className=/g;
  for (let match = start.exec(source); match; match = start.exec(source)) {
    let i = match.index + match[0].length;
    if (source[i] === '"' || source[i] === "'") {
      const end = source.indexOf(source[i]!, i + 1);
      found.push(source.slice(i + 1, end));
      continue;
    }
    if (source[i] !== '{') continue;
    let depth = 0;
    const from = i;
    for (; i < source.length; i++) {
      if (source[i] === '{') depth++;
      else if (source[i] === '}' && --depth === 0) break;
    }
    found.push(source.slice(from + 1, i));
  }
  return found;
}

/** The class names an attribute can produce: its literal words (quoted strings and template text outside `${}`). */
export function classTokens(attribute: string): string[] {
  if (!/['"`]/.test(attribute)) return attribute.split(/\s+/).filter(Boolean);
  const tokens: string[] = [];
  for (const m of attribute.matchAll(/'([^']*)'|"([^"]*)"|`([^`]*)`/g)) {
    const text = m[1] ?? m[2] ?? m[3] ?? '';
    // Inside a template, the static text is class names and each ${} may hold more literals.
    const inner = m[3] === undefined ? [] : [...text.matchAll(/\$\{([^}]*)\}/g)].flatMap((e) => classTokens(e[1]!.includes("'") || e[1]!.includes('"') ? e[1]! : "''"));
    tokens.push(...text.replace(/\$\{[^}]*\}/g, ' ').split(/\s+/), ...inner);
  }
  return tokens.filter((token) => /^[a-z][a-z0-9_-]*$/i.test(token));
}

/** Every `.name` in a style sheet that is not written as `.screen.name`. */
export function unscopedUses(css: string, name: string): string[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const uses: string[] = [];
  for (const rule of withoutComments.split('}')) {
    const selector = rule.split('{')[0] ?? '';
    for (const m of selector.matchAll(new RegExp(`(\\.screen)?\\.${name}(?![\\w-])`, 'g'))) if (!m[1]) uses.push(selector.trim());
  }
  return uses;
}

export function screenNameCollisions(files: { path: string; source: string }[], css: string): string[] {
  const screens = new Map<string, string>();
  const others: { path: string; token: string }[] = [];
  for (const { path, source } of files) {
    for (const attribute of classNameAttributes(source)) {
      const tokens = classTokens(attribute);
      if (tokens[0] === 'screen') for (const name of tokens.slice(1)) screens.set(name, path);
      else others.push(...tokens.map((token) => ({ path, token })));
    }
  }
  const problems: string[] = [];
  for (const [name, screen] of screens) {
    for (const other of others.filter((o) => o.token === name)) problems.push(`class "${name}" names the screen in ${screen} and is also used in ${other.path}`);
    for (const selector of unscopedUses(css, name)) problems.push(`app.css styles "${name}" (the screen in ${screen}) outside .screen.${name}: ${selector}`);
  }
  return problems;
}

describe('class names cannot collide', () => {
  it('keeps each screen name to its screen, in the markup and in app.css', () => {
    const files = sourceFiles(CLIENT).map((path) => ({ path: path.slice(CLIENT.length), source: readFileSync(path, 'utf8') }));
    const css = readFileSync(join(CLIENT, 'styles/app.css'), 'utf8');
    expect(files.length).toBeGreaterThan(20);
    expect(screenNameCollisions(files, css)).toEqual([]);
  });

  it('finds the collision that made the Count screen a red pill', () => {
    const files = [
      { path: 'screens/CountScreen.tsx', source: '<section className="screen count" data-testid="count-screen">' },
      { path: 'screens/QcConsole.tsx', source: "<span className={busy ? 'count busy' : 'count'}>{n}</span>" },
    ];
    expect(screenNameCollisions(files, '.count { background: red; }\n.screen.count h2 { margin: 0; }')).toEqual([
      'class "count" names the screen in screens/CountScreen.tsx and is also used in screens/QcConsole.tsx',
      'class "count" names the screen in screens/CountScreen.tsx and is also used in screens/QcConsole.tsx',
      'app.css styles "count" (the screen in screens/CountScreen.tsx) outside .screen.count: .count',
    ]);
  });

  it('reads template and conditional class names', () => {
    expect(classTokens("`field-card ${lot ? 'filled' : ''}`")).toEqual(['field-card', 'filled']);
    expect(classTokens("mode === m ? 'primary' : 'secondary'")).toEqual(['primary', 'secondary']);
    expect(classNameAttributes('<a className="nav-item" /><b className={`op ${s}`} />')).toEqual(['nav-item', '`op ${s}`']);
  });
});
