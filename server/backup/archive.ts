import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { BackupError } from './manifest';

/**
 * A directory as one byte stream: per entry a type byte ('d' directory, 'f' file), the path
 * length (uint32 BE), the relative path (UTF-8, '/' separated) and, for files, the size (uint64
 * BE) and the bytes; 'e' ends it. Empty directories matter: PostgreSQL will not start without
 * pg_tblspc, pg_notify and the like.
 */
export function* packDirectory(root: string, tally: { files: number } = { files: 0 }): Generator<Buffer> {
  const walk = function* (relative: string): Generator<Buffer> {
    const entries = readdirSync(join(root, relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      const name = Buffer.from(path, 'utf8');
      if (entry.isDirectory()) {
        yield entryHeader('d', name);
        yield* walk(path);
      } else if (entry.isFile()) {
        const content = readFileSync(join(root, path));
        const size = Buffer.alloc(8);
        size.writeBigUInt64BE(BigInt(content.length));
        yield Buffer.concat([entryHeader('f', name), size]);
        yield content;
        tally.files++;
      }
    }
  };
  yield* walk('');
  yield Buffer.from('e');
}

function entryHeader(type: 'd' | 'f', name: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeUInt32BE(name.length, 1);
  return Buffer.concat([header, name]);
}

function safePath(root: string, relative: string): string {
  const normal = normalize(relative);
  if (relative.startsWith('/') || normal.startsWith('..') || normal.split(sep).includes('..') || relative.includes('\0')) {
    throw new BackupError(`The backup names a path outside its directory (${JSON.stringify(relative)}): refused.`);
  }
  return join(root, normal);
}

/**
 * Writes the stream back under root (which must exist). File bytes go to disk as they
 * arrive, so a large relation never sits in memory whole. Returns the number of files.
 */
export async function unpackDirectory(chunks: AsyncIterable<Buffer>, root: string): Promise<number> {
  let pending: Buffer = Buffer.alloc(0);
  let files = 0;
  let ended = false;
  let fileFd: number | null = null;
  let fileRemaining = 0n;
  const need = (n: number) => pending.length >= n;
  try {
    for await (const chunk of chunks) {
      if (ended) throw new BackupError('The backup payload has data after its end mark: it is damaged.');
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      for (;;) {
        if (fileFd !== null) {
          const take = Number(fileRemaining < BigInt(pending.length) ? fileRemaining : BigInt(pending.length));
          if (take > 0) writeSync(fileFd, pending, 0, take);
          pending = pending.subarray(take);
          fileRemaining -= BigInt(take);
          if (fileRemaining > 0n) break;
          closeSync(fileFd);
          fileFd = null;
          files++;
        }
        if (!need(1)) break;
        const type = String.fromCharCode(pending[0]!);
        if (type === 'e') {
          ended = true;
          pending = pending.subarray(1);
          if (pending.length > 0) throw new BackupError('The backup payload has data after its end mark: it is damaged.');
          break;
        }
        if (type !== 'd' && type !== 'f') throw new BackupError('The backup payload is damaged (unknown entry type).');
        if (!need(5)) break;
        const nameLength = pending.readUInt32BE(1);
        if (nameLength === 0 || nameLength > 4096) throw new BackupError('The backup payload is damaged (bad path length).');
        const headerLength = 5 + nameLength + (type === 'f' ? 8 : 0);
        if (!need(headerLength)) break;
        const path = safePath(root, pending.subarray(5, 5 + nameLength).toString('utf8'));
        if (type === 'd') {
          mkdirSync(path, { recursive: true });
        } else {
          mkdirSync(dirname(path), { recursive: true });
          fileRemaining = pending.readBigUInt64BE(5 + nameLength);
          fileFd = openSync(path, 'wx');
        }
        pending = pending.subarray(headerLength);
      }
    }
  } finally {
    if (fileFd !== null) closeSync(fileFd);
  }
  if (!ended) throw new BackupError('The backup payload is cut short (no end mark): it is incomplete.');
  return files;
}
