import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntrySize {
  /** The HTML entry, relative to the build directory (index.html, console.html). */
  entry: string;
  files: string[];
  kbGzip: number;
}

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
      return sum + (existsSync(path) ? gzipSync(readFileSync(path), { level: 9 }).length : 0);
    }, 0);
    return { entry: relative(buildDir, file), files, kbGzip: Math.round((bytes / 1024) * 10) / 10 };
  });
}

/** Builds the PWA into a directory of its own (the working dist/ is left alone) and sizes its entries. */
export function buildAndSize(): EntrySize[] {
  const out = mkdtempSync(join(tmpdir(), 'lotline-bench-build-'));
  try {
    execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { stdio: ['ignore', 'ignore', 'inherit'] });
    return entrySizes(out);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
