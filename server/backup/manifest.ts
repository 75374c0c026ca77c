import { z } from 'zod';

/**
 * What a backup file says about itself, checked before anything is restored. The format
 * version changes only when an older Lotline could not read the file any more; fields added
 * later (e.g. signed audit anchor checkpoints) are optional so older backups stay readable.
 */
export const BACKUP_FORMAT = 'lotline-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MAGIC_LINE = `LOTLINE-BACKUP ${BACKUP_FORMAT_VERSION}`;

export const ManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  lotlineVersion: z.string(),
  createdAt: z.string(),
  database: z.object({ kind: z.literal('pglite'), serverVersion: z.string() }),
  migrations: z.array(z.object({ version: z.number().int(), name: z.string() })),
  tables: z.record(z.string(), z.number().int().nonnegative()),
  audit: z.object({ rows: z.number().int().nonnegative(), lastHash: z.string().nullable() }),
  /**
   * Signed checkpoints of the audit chain's head, kept outside the database. None exist until
   * the anchored audit chain is built; the list is here so a backup can carry them then.
   */
  anchors: z.array(z.object({ seq: z.string(), hash: z.string(), signedAt: z.string(), signature: z.string(), keyId: z.string() })).default([]),
  payload: z.object({ encoding: z.literal('gzip+lotline-files-1'), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/), files: z.number().int().nonnegative() }),
});

export type Manifest = z.infer<typeof ManifestSchema>;

export class BackupError extends Error {
  override name = 'BackupError';
}

/** The file starts with a magic line and the manifest as one JSON line; the payload follows. */
export function encodeHeader(manifest: Manifest): Buffer {
  return Buffer.from(`${MAGIC_LINE}\n${JSON.stringify(manifest)}\n`, 'utf8');
}

export const MAX_HEADER_BYTES = 1024 * 1024;

/** Reads the header from the first bytes of a file; says plainly what is wrong with a bad one. */
export function decodeHeader(head: Buffer): { manifest: Manifest; payloadOffset: number } {
  const first = head.indexOf(0x0a);
  const magic = first === -1 ? '' : head.subarray(0, first).toString('utf8');
  if (!magic.startsWith('LOTLINE-BACKUP ')) throw new BackupError('This is not a Lotline backup file (it does not start with LOTLINE-BACKUP).');
  if (magic !== MAGIC_LINE) throw new BackupError(`This backup has format ${magic.slice(15)}; this Lotline reads format ${BACKUP_FORMAT_VERSION}.`);
  const second = head.indexOf(0x0a, first + 1);
  if (second === -1) throw new BackupError('The backup file is cut short: its manifest is incomplete.');
  let raw: unknown;
  try {
    raw = JSON.parse(head.subarray(first + 1, second).toString('utf8'));
  } catch {
    throw new BackupError('The backup manifest is damaged (not valid JSON).');
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) throw new BackupError(`The backup manifest is damaged: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { manifest: parsed.data, payloadOffset: second + 1 };
}

/**
 * A backup restores into this Lotline when every migration it carries is one this version
 * knows under the same name; later migrations then run at the next start.
 */
export function migrationProblem(backup: Manifest['migrations'], known: readonly { version: number; name: string }[]): string | null {
  const byVersion = new Map(known.map((m) => [m.version, m.name]));
  for (const m of backup) {
    const ours = byVersion.get(m.version);
    if (ours === undefined) return `The backup has schema migration ${m.name}, which this Lotline does not know: restore it with a Lotline at least as new as the one that made it.`;
    if (ours !== m.name) return `The backup's migration ${m.version} is ${m.name}, but this Lotline's is ${ours}: they are different schemas.`;
  }
  return null;
}
