import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The Ed25519 key that signs checkpoints of the audit chain's head. It lives outside the
 * database (a file beside DATA_DIR, or the environment), so whoever can rewrite the database
 * cannot sign a checkpoint for the rewritten chain.
 */
export interface AnchorKey {
  /** The first 16 hex digits of the SHA-256 of the public key: which key signed a checkpoint. */
  keyId: string;
  sign(data: string): string;
  verify(data: string, signature: string): boolean;
}

export class AnchorKeyError extends Error {
  override name = 'AnchorKeyError';
}

function fromPrivateKey(privateKey: KeyObject): AnchorKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new AnchorKeyError(`the audit anchor key must be an Ed25519 private key, not ${privateKey.asymmetricKeyType ?? 'unknown'}`);
  const publicKey = createPublicKey(privateKey);
  const keyId = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
  return {
    keyId,
    sign: (data) => sign(null, Buffer.from(data, 'utf8'), privateKey).toString('base64'),
    verify: (data, signature) => {
      try {
        return verify(null, Buffer.from(data, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}

/** A PKCS#8 PEM text, or the same key as base64 DER (handier in one environment variable). */
export function parseAnchorKey(text: string): AnchorKey {
  const trimmed = text.trim();
  try {
    const key = trimmed.startsWith('-----BEGIN') ? createPrivateKey(trimmed) : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
    return fromPrivateKey(key);
  } catch (error) {
    if (error instanceof AnchorKeyError) throw error;
    throw new AnchorKeyError('the audit anchor key is not a readable Ed25519 private key (PKCS#8 PEM, or its DER in base64)');
  }
}

export function generateAnchorKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export interface AnchorKeySource {
  /** The key itself, from LOTLINE_AUDIT_KEY. */
  key?: string | undefined;
  /** Where the key file is, or is made on first start. */
  keyFile: string;
}

export type LoadedKey = { key: AnchorKey; from: string; created: boolean } | { key: null; from: string; created: false };

/** The configured key; with `create`, a missing key file is made (readable by this user only). */
export function loadAnchorKey(source: AnchorKeySource, options: { create: boolean }): LoadedKey {
  if (source.key) return { key: parseAnchorKey(source.key), from: 'LOTLINE_AUDIT_KEY', created: false };
  if (existsSync(source.keyFile)) {
    let text: string;
    try {
      text = readFileSync(source.keyFile, 'utf8');
    } catch (error) {
      throw new AnchorKeyError(`cannot read the audit anchor key ${source.keyFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    try {
      return { key: parseAnchorKey(text), from: source.keyFile, created: false };
    } catch (error) {
      throw new AnchorKeyError(`${source.keyFile}: ${(error as Error).message}`);
    }
  }
  if (!options.create) return { key: null, from: source.keyFile, created: false };
  mkdirSync(dirname(source.keyFile), { recursive: true });
  const pem = generateAnchorKeyPem();
  writeFileSync(source.keyFile, pem, { mode: 0o600, flag: 'wx' });
  return { key: parseAnchorKey(pem), from: source.keyFile, created: true };
}
