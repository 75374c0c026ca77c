import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { randomBytes } from 'node:crypto';
import { appendAudit } from '../audit';
import { BackupError, readBackup, writeBackup, type Manifest } from '../backup';
import { VERSION } from '../version';
import { UsageError, parseArgs, stringFlag } from './args';
import { EXIT, type CliCommand, type CliIo } from './io';
import { closeTarget, openTarget } from './open-db';
import { RemoteError, type RemoteSession } from './remote';

export const usage = `usage: lotline backup <file> [--force] [--url URL [--user NAME]]

Writes a checked copy of the embedded (PGlite) database to <file>: a manifest (format, Lotline
version, schema migrations, row counts per table, audit chain head, sha-256 of the payload)
and the database files. Works while the server runs: a server holding DATA_DIR is asked over
HTTP (found in DATA_DIR, or give --url), as an admin: LOTLINE_TOKEN, or --user NAME with the
password from LOTLINE_PASSWORD or stdin. With the server stopped it reads DATA_DIR itself.
  --force   overwrite <file> if it exists
PostgreSQL (DATABASE_URL): use pg_dump or continuous archiving instead (docs/operations.md).
Exit 0: written and checked, 1: failed (nothing left at <file>), 2: usage or no database.
`;

function describe(file: string, manifest: Manifest, bytes: number): string {
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  return (
    `backup written: ${file} (${(bytes / 1048576).toFixed(1)} MB)\n` +
    `  ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${manifest.audit.rows} audit rows, ${manifest.migrations.length} migrations, Lotline ${manifest.lotlineVersion}\n` +
    `  payload sha-256 ${manifest.payload.sha256}\n`
  );
}

/** Downloads the server's backup beside the target, checks it, and only then gives it its name. */
async function remoteBackup(remote: RemoteSession, file: string): Promise<Manifest> {
  const response = await remote.fetch('POST', '/api/admin/backup');
  if (!response.body) throw new RemoteError('the server sent an empty answer', response.status, 'empty');
  const partial = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), createWriteStream(partial, { flags: 'wx' }));
    const { manifest } = await readBackup(partial);
    await rename(partial, file);
    return manifest;
  } finally {
    await rm(partial, { force: true });
  }
}

async function backUp(io: CliIo, file: string, url: string | undefined, user: string | undefined): Promise<number> {
  if (!url && !process.env.LOTLINE_URL && process.env.DATABASE_URL) {
    io.err('lotline backup: DATABASE_URL points at PostgreSQL: back it up with pg_dump or continuous archiving (docs/operations.md).\n');
    return EXIT.usage;
  }
  const target = await openTarget(io, { command: 'backup', url, user });
  if (typeof target === 'number') return target;
  try {
    let manifest: Manifest;
    if (target.kind === 'remote') {
      manifest = await remoteBackup(target.remote, file);
    } else {
      if (target.db.kind !== 'pglite') {
        io.err('lotline backup: DATABASE_URL points at PostgreSQL: back it up with pg_dump or continuous archiving (docs/operations.md).\n');
        return EXIT.usage;
      }
      await target.db.transaction((tx) =>
        appendAudit(tx, { id: null, name: 'lotline backup' }, [{ action: 'system.backup_taken', entityType: 'system', entityId: 'database', after: { via: 'cli' } }]),
      );
      manifest = await writeBackup(target.db, join(target.config.dataDir, 'pg'), file, VERSION);
    }
    io.out(describe(file, manifest, (await stat(file)).size));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof RemoteError || error instanceof BackupError) {
      io.err(`lotline backup: ${error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  } finally {
    await closeTarget(target);
  }
}

export const run: CliCommand = async (args, io) => {
  let file: string;
  let url: string | undefined;
  let user: string | undefined;
  try {
    const parsed = parseArgs(args, { values: ['url', 'user'], booleans: ['force'] });
    if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length === 0 ? 'name the backup file to write' : 'give one backup file');
    file = resolve(parsed.positionals[0]!);
    url = stringFlag(parsed, 'url');
    user = stringFlag(parsed, 'user');
    if (!existsSync(dirname(file))) throw new UsageError(`the folder ${dirname(file)} does not exist`);
    if (existsSync(file) && !parsed.flags.has('force')) throw new UsageError(`${file} exists: choose another name, or add --force to overwrite it`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`lotline backup: ${error.message}\n${usage}`);
    return EXIT.usage;
  }
  return backUp(io, file, url, user);
};
