import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { mkdir, open, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { verifyAuditChain } from '../audit';
import { DataDirLockedError, loadMigrations, openPglite } from '../db';
// The lock itself is not on the db folder's face; a restore must take it like a server does.
import { lockDataDir } from '../db/data-dir-lock';
import { unpackDirectory } from './archive';
import { BackupError, MAX_HEADER_BYTES, decodeHeader, migrationProblem, type Manifest } from './manifest';
import { auditHead, tableCounts } from './take';

/** The manifest of a backup file and where its payload starts, with the payload's checksum checked. */
export async function readBackup(file: string): Promise<{ manifest: Manifest; payloadOffset: number }> {
  if (!existsSync(file)) throw new BackupError(`No backup file at ${file}.`);
  const handle = await open(file, 'r');
  let header: { manifest: Manifest; payloadOffset: number };
  let size: number;
  try {
    size = (await handle.stat()).size;
    const head = Buffer.alloc(Math.min(size, MAX_HEADER_BYTES));
    await handle.read(head, 0, head.length, 0);
    header = decodeHeader(head);
  } finally {
    await handle.close();
  }
  const { manifest, payloadOffset } = header;
  if (size - payloadOffset !== manifest.payload.bytes) {
    throw new BackupError(`The backup is ${size - payloadOffset < manifest.payload.bytes ? 'cut short' : 'longer than its manifest says'}: ${size - payloadOffset} payload bytes, the manifest says ${manifest.payload.bytes}.`);
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { start: payloadOffset })) hash.update(chunk as Buffer);
  const actual = hash.digest('hex');
  if (actual !== manifest.payload.sha256) throw new BackupError(`The backup's checksum does not match (sha-256 ${actual}, the manifest says ${manifest.payload.sha256}): the file is damaged.`);
  return header;
}

function isEmptyDir(path: string): boolean {
  return readdirSync(path).length === 0;
}

export interface RestoreResult {
  manifest: Manifest;
  dataDir: string;
  /** Where a replaced data directory was moved (with --force); nothing is deleted. */
  replacedTo: string | undefined;
}

/**
 * Restores a backup into `dataDir`: checked, unpacked and opened in a temporary directory beside
 * it (row counts, migrations and the audit chain compared with the manifest), then renamed into
 * place in one step. A non-empty target is refused unless `force`, and even then it is moved
 * aside, not deleted. Any failure leaves the target as it was and no temporary directory behind.
 */
export async function restoreBackup(file: string, dataDir: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  const { manifest, payloadOffset } = await readBackup(file);
  const problem = migrationProblem(manifest.migrations, loadMigrations());
  if (problem) throw new BackupError(problem);

  const targetExists = existsSync(dataDir);
  if (targetExists && !isEmptyDir(dataDir)) {
    if (!options.force) throw new BackupError(`${dataDir} is not empty: restore into a new or empty data directory, or add --force to move the current one aside.`);
    // A server running on it would keep writing into the moved directory: refuse that.
    lockDataDir(dataDir).release();
  }

  const staging = join(dirname(dataDir), `.${basename(dataDir)}.restoring-${randomBytes(4).toString('hex')}`);
  await mkdir(join(staging, 'pg'), { recursive: true });
  try {
    const payload = createReadStream(file, { start: payloadOffset }).pipe(createGunzip());
    try {
      await unpackDirectory(payload, join(staging, 'pg'));
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new BackupError(`The backup payload cannot be unpacked: ${(error as Error).message}`);
    }
    await checkRestored(join(staging, 'pg'), manifest);

    let replacedTo: string | undefined;
    if (targetExists && !isEmptyDir(dataDir)) {
      replacedTo = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      lockDataDir(dataDir).release();
      await rename(dataDir, replacedTo);
    } else if (targetExists) {
      await rmdir(dataDir);
    }
    await rename(staging, dataDir);
    return { manifest, dataDir, replacedTo };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (error instanceof DataDirLockedError) throw new BackupError(`${error.message} Stop it before restoring over its data directory.`);
    throw error;
  }
}

/** Opens the restored copy and compares it with what the manifest says was backed up. */
async function checkRestored(pgDir: string, manifest: Manifest): Promise<void> {
  let db;
  try {
    db = await openPglite(pgDir);
  } catch (error) {
    throw new BackupError(`The restored database does not open: ${(error as Error).message}`);
  }
  try {
    const migrations = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    const restored = migrations.rows.map((m) => `${m.version}:${m.name}`).join(',');
    if (restored !== manifest.migrations.map((m) => `${m.version}:${m.name}`).join(',')) throw new BackupError('The restored database has other schema migrations than the manifest lists.');
    const counts = await tableCounts(db);
    const differing = Object.keys({ ...counts, ...manifest.tables }).filter((t) => counts[t] !== manifest.tables[t]);
    if (differing.length > 0) {
      throw new BackupError(`Row counts differ from the manifest in ${differing.map((t) => `${t} (${counts[t] ?? 'missing'} vs ${manifest.tables[t] ?? 'missing'})`).join(', ')}.`);
    }
    const head = await auditHead(db);
    if (head.rows !== manifest.audit.rows || head.lastHash !== manifest.audit.lastHash) throw new BackupError('The restored audit chain does not end where the manifest says.');
    const chain = await verifyAuditChain(db);
    if (!chain.ok) throw new BackupError(`The restored audit chain is broken at row ${chain.firstBreak?.seq}: ${chain.firstBreak?.message}`);
  } finally {
    await db.close();
  }
}
