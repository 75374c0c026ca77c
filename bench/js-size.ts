import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { printTable, writeResults } from './report';

/** Issue 13's target for the handheld; the console has none. */
export const HANDHELD_TARGET_KB_GZIP = 200;

export interface EntrySize {
  /** The HTML entry, relative to the build directory (index.html, console.html). */
  entry: string;
  files: string[];
  kbGzip: number;
}

export interface BuildSizes {
  entries: EntrySize[];
  /** Each language's texts, a chunk loaded before the first render (the one the UI speaks) or on a switch. */
  languages: { language: string; kbGzip: number }[];
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'assets' ? [] : htmlFiles(path);
    return d.name.endsWith('.html') ? [path] : [];
  });
}

/** The JS an HTML entry loads before anything else: its module scripts and their modulepreloads. */
export function initialJs(html: string): string[] {
  const scripts = [...html.matchAll(/<script\b[^>]*type=["']module["'][^>]*\bsrc=["']([^"']+)["']/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link\b[^>]*rel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g)].map((m) => m[1]!);
  return [...new Set([...scripts, ...preloads])];
}

/** Gzipped size of the initial JS of every HTML entry in a built PWA. */
export function entrySizes(buildDir: string): EntrySize[] {
  return htmlFiles(buildDir).map((file) => {
    const files = initialJs(readFileSync(file, 'utf8'));
    const bytes = files.reduce((sum, src) => {
      const path = src.startsWith('/') ? join(buildDir, src) : join(dirname(file), src);
      return sum + (existsSync(path) ? gzipped(path) : 0);
    }, 0);
    return { entry: relative(buildDir, file), files, kbGzip: kb(bytes) };
  });
}

/** The language chunks (client/i18n/locales/<language>.json, built as assets/<language>-<hash>.js). */
export function languageSizes(buildDir: string): { language: string; kbGzip: number }[] {
  const assets = join(buildDir, 'assets');
  return readdirSync(assets).flatMap((name) => {
    const language = /^(en|zh-CN)-[\w-]+\.js$/.exec(name)?.[1];
    return language ? [{ language, kbGzip: kb(gzipped(join(assets, name))) }] : [];
  });
}

/** Builds the PWA into a directory of its own (the working dist/ is left alone) and sizes its entries. */
export function buildAndSize(): EntrySize[] {
  return buildAndSizeAll().entries;
}

export function buildAndSizeAll(): BuildSizes {
  const out = mkdtempSync(join(tmpdir(), 'lotline-bench-build-'));
  try {
    execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { stdio: ['ignore', 'ignore', 'inherit'] });
    return { entries: entrySizes(out), languages: languageSizes(out) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- js-size`: one production build, the initial JS of each entry and the language
 * chunks; exits non-zero when the handheld is over its target. No timing, so it is not a test.
 */
export async function run(): Promise<void> {
  const { entries, languages } = buildAndSizeAll();
  const sizeOf = (entry: string) => entries.find((e) => e.entry === entry)?.kbGzip ?? null;
  const handheld = sizeOf('index.html');
  if (handheld === null) throw new Error('the build has no index.html');
  const largestLanguage = Math.max(0, ...languages.map((l) => l.kbGzip));
  // The first render waits for one language's texts: what a handheld fetches before it shows anything.
  const firstPaint = kb((handheld + largestLanguage) * 1024);
  printTable('Initial JS per HTML entry (entry script and its modulepreloads), gzip -9', ['entry', 'KB', 'files', 'target'], entries.map((e) => [e.entry, e.kbGzip.toFixed(1), e.files.length, e.entry === 'index.html' ? `<= ${HANDHELD_TARGET_KB_GZIP}` : '']));
  printTable('Language texts, a chunk each: the UI language before the first render, the other on a switch', ['language', 'KB'], languages.map((l) => [l.language, l.kbGzip.toFixed(1)]));
  console.log(`\nhandheld before its first paint, with the larger language: ${firstPaint} KB gzip`);
  const file = writeResults('js-size', {
    handheld_initial_js_kb_gzip: handheld,
    console_initial_js_kb_gzip: sizeOf('console.html'),
    handheld_first_paint_js_kb_gzip: firstPaint,
    handheld_target_kb_gzip: HANDHELD_TARGET_KB_GZIP,
    languages,
    entries,
  });
  console.log(`figures written to ${file}`);
  if (handheld > HANDHELD_TARGET_KB_GZIP) {
    console.error(`handheld initial JS ${handheld} KB gzip is over its target of ${HANDHELD_TARGET_KB_GZIP} KB`);
    process.exitCode = 1;
  }
}
