import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';

export class TlsFilesError extends Error {
  override name = 'TlsFilesError';
}

/** PEM certificate chain and key for node:https; a missing or unreadable file is named. */
export function readTlsFiles(files: { certFile: string; keyFile: string }): { cert: Buffer; key: Buffer } {
  const read = (path: string, what: string) => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new TlsFilesError(`cannot read the TLS ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  };
  return { cert: read(files.certFile, 'certificate'), key: read(files.keyFile, 'key') };
}

function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/** Passwords and session tokens cross the plant network in clear when we listen beyond loopback without TLS. */
export function exposureWarning(host: string, tls: boolean, trustProxy: boolean): string | undefined {
  if (tls || isLoopback(host)) return undefined;
  if (trustProxy) {
    return `listening on ${host} over plain HTTP behind a TLS proxy (LOTLINE_TRUST_PROXY=1): make sure only the proxy can reach this port, or bind HOST=127.0.0.1.`;
  }
  return `listening on ${host} over plain HTTP: passwords and session tokens cross the network unencrypted. Give --tls-cert/--tls-key (LOTLINE_TLS_CERT/LOTLINE_TLS_KEY) or put a TLS reverse proxy in front (docs/operations.md).`;
}

/** A note in the data directory saying which process serves it and where, removed at stop. */
export function announceServer(path: string, url: string): { withdraw(): void } {
  writeFileSync(path, JSON.stringify({ pid: process.pid, url, since: new Date().toISOString() }));
  return {
    withdraw() {
      rmSync(path, { force: true });
    },
  };
}

export interface StopStep {
  name: string;
  stop: () => Promise<void> | void;
}

/**
 * Runs a server's stop steps in order, each given at most `limitMs`: a step that hangs (a
 * receiver that never answers, a printer socket that never closes) is named and passed over,
 * so SIGTERM always ends the process and the database is still closed last. Answers what went
 * wrong, step by step.
 */
export async function stopInOrder(steps: StopStep[], limitMs: number): Promise<string[]> {
  const problems: string[] = [];
  for (const step of steps) {
    let timer: NodeJS.Timeout | undefined;
    const overran = new Promise<'overran'>((resolve) => {
      timer = setTimeout(() => resolve('overran'), limitMs);
    });
    try {
      const outcome = await Promise.race([Promise.resolve().then(step.stop), overran]);
      if (outcome === 'overran') problems.push(`${step.name} did not finish within ${limitMs / 1000} s`);
    } catch (error) {
      problems.push(`${step.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }
  return problems;
}
