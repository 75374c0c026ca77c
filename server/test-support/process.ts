import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const LOTLINE_BIN = fileURLToPath(new URL('../../bin/lotline.mjs', import.meta.url));

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `lotline <args>` to the end; the embedded database is used unless env says otherwise. */
export function runLotline(args: string[], env: Record<string, string | undefined> = {}, stdin?: string): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LOTLINE_BIN, ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** The server's own stop gives each step 10 s; past this it is stuck, not slow. */
const STOP_LIMIT_MS = 60_000;

export interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  stop(): Promise<number | null>;
}

/** Starts `lotline serve` and resolves once it prints where it listens. */
export function startLotline(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 60_000): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LOTLINE_BIN, 'serve', ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`lotline serve did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    const onData = (d: Buffer) => {
      output += d.toString();
      const match = /Lotline listening on (https?:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          child,
          url: match[1]!,
          output: () => output,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            // A server that ignores SIGTERM is a product fault: killed, so no test leaves it behind, and reported.
            let timer: NodeJS.Timeout | undefined;
            const late = new Promise<'late'>((done) => (timer = setTimeout(() => done('late'), STOP_LIMIT_MS)));
            const code = await Promise.race([exited, late]);
            clearTimeout(timer);
            if (code !== 'late') return code;
            child.kill('SIGKILL');
            await exited;
            throw new Error(`lotline serve did not exit within ${STOP_LIMIT_MS / 1000} s of SIGTERM:\n${output.slice(-2000)}`);
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`lotline serve exited (${code}) before listening:\n${output}`));
    });
  });
}
