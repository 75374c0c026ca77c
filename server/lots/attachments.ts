import { createHash } from 'node:crypto';
import type { Queryable } from '../db';
import { AppError } from '../errors';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** Evidence files are stored once by content hash: the hash in a signed record pins the exact file. */
export async function storeAttachment(db: Queryable, userId: string, file: { name: string; mediaType: string; content: Uint8Array }): Promise<{ sha256: string; size: number }> {
  if (file.content.byteLength === 0) throw new AppError(400, 'invalid_request', 'The file is empty.');
  if (file.content.byteLength > MAX_ATTACHMENT_BYTES) throw new AppError(413, 'payload_too_large', `Attachments are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
  const name = file.name.trim().slice(0, 200);
  if (!name) throw new AppError(400, 'invalid_request', 'name: is required');
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  await db.query(
    `INSERT INTO attachments (sha256, name, media_type, size, content, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (sha256) DO NOTHING`,
    [sha256, name, file.mediaType.slice(0, 100) || 'application/octet-stream', file.content.byteLength, Buffer.from(file.content), userId],
  );
  return { sha256, size: file.content.byteLength };
}

export async function readAttachment(db: Queryable, sha256: string): Promise<{ name: string; mediaType: string; content: Uint8Array }> {
  const found = await db.query<{ name: string; media_type: string; content: Uint8Array }>('SELECT name, media_type, content FROM attachments WHERE sha256 = $1', [sha256]);
  const row = found.rows[0];
  if (!row) throw new AppError(404, 'not_found', 'That attachment was not found.');
  return { name: row.name, mediaType: row.media_type, content: row.content };
}
