import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { cp, mkdtemp, open, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Db, Queryable } from '../db';
import { packDirectory } from './archive';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, encodeHeader, type Manifest } from './manifest';

/** Files PostgreSQL writes for a running server only; a restored copy must not carry them. */
const RUNTIME_ONLY = new Set(['postmaster.pid', 'postmaster.opts']);

/** Row counts of every table in the schema, read in the same transaction as the copy. */
export async function tableCounts(db: Queryable): Promise<Record<string, number>> {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const r = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${name.replace(/"/g, '""')}"`);
    counts[name] = Number(r.rows[0]!.n);
  }
  return counts;
}

export async function auditHead(db: Queryable): Promise<Manifest['audit']> {
  const r = await db.query<{ n: string; hash: string | null }>('SELECT count(*)::text AS n, (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS hash FROM audit_log');
  return { rows: Number(r.rows[0]!.n), lastHash: r.rows[0]!.hash };
}

interface Snapshot {
  dir: string;
  manifest: Omit<Manifest, 'payload'>;
}

/**
 * Copies the embedded database's files while no statement can run: PGlite has one
 * connection, and its transaction holds it, so every writer waits for the copy (a few tens
 * of milliseconds per 40 MB). The CHECKPOINT first writes every dirty page, so the copy opens
 * without a long recovery.
 */
async function snapshot(db: Db, pgDir: string, lotlineVersion: string): Promise<Snapshot> {
  if (db.kind !== 'pglite') throw new BackupError('This database is PostgreSQL: back it up with pg_dump or the server\'s own backups (see docs/operations.md).');
  const dir = await mkdtemp(join(tmpdir(), 'lotline-snapshot-'));
  try {
    const manifest = await db.transaction(async (tx) => {
      await tx.query('CHECKPOINT');
      const version = await tx.query<{ v: string }>("SELECT current_setting('server_version') AS v");
      const migrations = await tx.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
      const tables = await tableCounts(tx);
      const audit = await auditHead(tx);
      await cp(pgDir, join(dir, 'pg'), { recursive: true, filter: (source) => !RUNTIME_ONLY.has(source.slice(pgDir.length + 1)) });
      return {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        lotlineVersion,
        createdAt: new Date().toISOString(),
        database: { kind: 'pglite' as const, serverVersion: version.rows[0]!.v },
        migrations: migrations.rows.map((m) => ({ version: Number(m.version), name: m.name })),
        tables,
        audit,
        anchors: [],
      } satisfies Omit<Manifest, 'payload'>;
    });
    return { dir: join(dir, 'pg'), manifest };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Writes a backup of the embedded database to `file`: first under a temporary name beside it,
 * renamed only when complete, so a failed or interrupted backup never leaves a file that looks
 * whole. Returns the manifest written.
 */
export async function writeBackup(db: Db, pgDir: string, file: string, lotlineVersion: string): Promise<Manifest> {
  const snap = await snapshot(db, pgDir, lotlineVersion);
  const partial = join(dirname(file), `.${randomBytes(6).toString('hex')}.lotline-backup.partial`);
  const payloadFile = `${snap.dir}.payload`;
  try {
    const tally = { files: 0 };
    const hash = createHash('sha256');
    let bytes = 0;
    const counting = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(Readable.from(packDirectory(snap.dir, tally)), createGzip({ level: 6 }), counting, createWriteStream(payloadFile));
    const manifest: Manifest = { ...snap.manifest, payload: { encoding: 'gzip+lotline-files-1', bytes, sha256: hash.digest('hex'), files: tally.files } };
    await pipeline(
      (async function* () {
        yield encodeHeader(manifest);
        yield* createReadStream(payloadFile);
      })(),
      createWriteStream(partial, { flags: 'wx' }),
    );
    // On disk before it gets its name: a nightly backup must survive the power cut after it.
    const written = await open(partial, 'r+');
    await written.sync();
    await written.close();
    await rename(partial, file);
    return manifest;
  } finally {
    await rm(partial, { force: true });
    await rm(dirname(snap.dir), { recursive: true, force: true });
  }
}

export async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}
