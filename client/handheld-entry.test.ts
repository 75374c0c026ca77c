import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * What the handheld loads before its first paint is its entry and everything that entry imports
 * statically; `import()` starts a chunk of its own, loaded later. The bundler can only drop from
 * this graph, never add, so a package or folder absent here is absent from the initial chunks.
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** Static, value-carrying import specifiers of a module: `import type` and `import()` are left out. */
export function staticImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const m of code.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    if (!m[2]) found.push(m[3]!);
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string {
  const base = join(dirname(from), specifier.replace(/\?.*$/, ''));
  const file = EXTENSIONS.map((ext) => base + ext).find((path) => existsSync(path) && statSync(path).isFile());
  if (!file) throw new Error(`${relative(ROOT, from)} imports ${specifier}, which does not resolve`);
  return file;
}

/** Every source file and package the entry reaches through static imports. */
export function initialGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      // `?url` brings a file's address (the decoder's .wasm), not its code.
      if (specifier.endsWith('?url')) continue;
      if (specifier.startsWith('.')) queue.push(resolveLocal(file, specifier));
      else packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
    }
  }
  return { files: [...files].map((f) => relative(ROOT, f)).sort(), packages: [...packages].sort() };
}

describe('staticImports', () => {
  it.each([
    [`import { a } from './a';`, ['./a']],
    [`import './styles.css';`, ['./styles.css']],
    [`import * as z from 'zod';`, ['zod']],
    [`export { b } from '../b';`, ['../b']],
    [`import {\n  a,\n  b,\n} from 'antd';`, ['antd']],
    [`import type { Db } from './db';`, []],
    [`export type { Db } from './db';`, []],
    [`const later = () => import('./later');`, []],
    [`// import { old } from 'echarts';`, []],
    [`/* import { old } from 'echarts'; */`, []],
  ])('%j imports %j', (source, expected) => {
    expect(staticImports(source)).toEqual(expected);
  });
});

describe('the handheld entry, before its first paint', () => {
  const { files, packages } = initialGraph(join(ROOT, 'client/main.tsx'));

  it('reaches the sign-in and home screens through static imports', () => {
    expect(files).toEqual(expect.arrayContaining(['client/App.tsx', 'client/components/LoginScreen.tsx', 'client/components/HomeScreen.tsx', 'client/components/Shell.tsx']));
    expect(packages).toEqual(expect.arrayContaining(['react', 'react-dom', 'i18next']));
  });

  it('loads neither Ant Design, ECharts nor the console', () => {
    expect(packages.filter((p) => ['antd', 'echarts', 'zrender', 'dayjs'].includes(p) || p.startsWith('@ant-design/'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('client/console/'))).toEqual([]);
  });

  it('leaves the local database, schemas, camera decoder, GS1 table, working screens and texts to later chunks', () => {
    expect(packages.filter((p) => ['rxdb', 'dexie', 'zod', 'zxing-wasm'].includes(p))).toEqual([]);
    const later = /^(domain\/gs1\/|client\/db\/database\.ts|client\/sync\/engine\.ts|client\/screens\/[A-Za-z]+Screen\.tsx|client\/i18n\/locales\/)/;
    expect(files.filter((f) => later.test(f))).toEqual([]);
  });
});
