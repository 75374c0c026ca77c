import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { appendAudit } from '../../audit';
import { writeBackup } from '../../backup';
import { AppError } from '../../errors';
import type { AppDeps, AppEnv } from '../../http/env';
import { actorOf } from '../../http/env';
import { ErrorSchema, authErrors, bearer, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';

const backupRoute = createRoute({
  method: 'post',
  path: '/api/admin/backup',
  tags: ['system'],
  summary: 'A consistent backup of the embedded database while the server runs (lotline backup --url)',
  security: bearer,
  responses: {
    200: { description: 'The backup file: a manifest line, then the payload', content: { 'application/vnd.lotline.backup': { schema: z.string().openapi({ format: 'binary' }) } } },
    ...authErrors,
    409: jsonResponse('The database is PostgreSQL: use pg_dump', ErrorSchema),
  },
});

/** The backup is built in a temporary file and streamed; the file goes when the stream ends. */
export function backupRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(backupRoute, async (c) => {
    if (deps.db.kind !== 'pglite' || !deps.dataDir) {
      throw new AppError(409, 'backup_use_pg_dump', 'This server runs on PostgreSQL: back it up with pg_dump or continuous archiving (see docs/operations.md).');
    }
    const session = c.get('session')!;
    // Recorded before the copy, so the backup itself shows who took it and when.
    await deps.db.transaction((tx) => appendAudit(tx, actorOf(session), [{ action: 'system.backup_taken', entityType: 'system', entityId: 'database', after: { via: 'api' } }]));
    const dir = await mkdtemp(join(tmpdir(), 'lotline-backup-'));
    const file = join(dir, 'backup.lotline');
    try {
      const manifest = await writeBackup(deps.db, join(deps.dataDir, 'pg'), file, deps.version);
      const stream = createReadStream(file);
      stream.once('close', () => void rm(dir, { recursive: true, force: true }));
      const stamp = manifest.createdAt.replace(/[:.]/g, '-');
      return c.body(Readable.toWeb(stream) as ReadableStream<Uint8Array>, 200, {
        'content-type': 'application/vnd.lotline.backup',
        'content-disposition': `attachment; filename="lotline-${stamp}.lotline-backup"`,
        'x-lotline-backup-sha256': manifest.payload.sha256,
      });
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  });
}
