import { createInterface } from 'node:readline';

/** What a CLI command may touch: its streams, never `process` directly, so tests can drive it. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Lines of standard input, without their line endings. */
  lines(): AsyncIterable<string>;
}

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

/** What every command module exports: its usage (printed for --help and -h) and its entry. */
export interface CliCommandModule {
  usage: string;
  run: CliCommand;
}

/** Exit codes every command keeps to. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    lines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
  };
}

/** An in-memory io for tests: feed stdin lines, read what was written. */
export function memoryIo(stdinLines: string[] = []): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
    async *lines() {
      yield* stdinLines;
    },
  };
  return io;
}
