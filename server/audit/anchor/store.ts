import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCheckpoint, type Checkpoint } from './checkpoint';

/**
 * Checkpoints are JSON lines appended to one file a month in the checkpoint directory, never
 * rewritten: copying the directory (or shipping it to write-once storage) keeps every one.
 */
const FILE = /^checkpoints-\d{4}-\d{2}\.jsonl$/;

export interface StoredCheckpoint {
  checkpoint: Checkpoint;
  file: string;
  line: number;
}

export interface UnreadableCheckpoint {
  file: string;
  line: number;
}

export function appendCheckpoints(dir: string, checkpoints: readonly Checkpoint[]): void {
  if (checkpoints.length === 0) return;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `checkpoints-${checkpoints[0]!.at.slice(0, 7)}.jsonl`);
  appendFileSync(file, checkpoints.map((c) => `${JSON.stringify(c)}\n`).join(''), { mode: 0o600 });
  // A checkpoint that a power cut could take back proves nothing: on disk before we go on.
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function readCheckpoints(dir: string): { checkpoints: StoredCheckpoint[]; unreadable: UnreadableCheckpoint[] } {
  const checkpoints: StoredCheckpoint[] = [];
  const unreadable: UnreadableCheckpoint[] = [];
  if (!existsSync(dir)) return { checkpoints, unreadable };
  for (const name of readdirSync(dir).filter((n) => FILE.test(n)).sort()) {
    const lines = readFileSync(join(dir, name), 'utf8').split('\n');
    lines.forEach((text, i) => {
      if (text.trim() === '') return;
      const checkpoint = parseCheckpoint(text);
      if (checkpoint) checkpoints.push({ checkpoint, file: name, line: i + 1 });
      else unreadable.push({ file: name, line: i + 1 });
    });
  }
  return { checkpoints, unreadable };
}
