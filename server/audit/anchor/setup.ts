import type { AuditAnchorConfig } from '../../config';
import type { AuditAnchor } from './check';
import { AnchorKeyError, loadAnchorKey, type AnchorKey } from './key';
import { readCheckpoints } from './store';

export interface OpenedAnchor {
  anchor: AuditAnchor & { key: AnchorKey };
  /** What the person starting the server should know: where the key and the checkpoints are. */
  note: string;
}

/**
 * The server's anchor: the configured key, or on first start a new key file beside the data
 * directory. A missing key is never replaced while checkpoints signed by it exist: a new key
 * would make every earlier checkpoint look forged.
 */
export function openAuditAnchor(config: AuditAnchorConfig): OpenedAnchor {
  const stored = readCheckpoints(config.checkpointDir).checkpoints;
  const create = !config.key && stored.length === 0;
  const loaded = loadAnchorKey({ key: config.key, keyFile: config.keyFile }, { create });
  if (!loaded.key) {
    throw new AnchorKeyError(
      `the audit anchor key ${config.keyFile} is missing, but ${config.checkpointDir} holds ${stored.length} checkpoints signed with it. ` +
        'Restore the key file from its backup (or set LOTLINE_AUDIT_KEY_FILE / LOTLINE_AUDIT_KEY); only if it is lost for good, move the checkpoint directory aside and start again.',
    );
  }
  const anchor = { key: loaded.key, keyFrom: loaded.from, checkpointDir: config.checkpointDir };
  const note = loaded.created
    ? `audit anchor: new signing key ${loaded.from} (key id ${loaded.key.keyId}); checkpoints go to ${config.checkpointDir}. Back both up, apart from the database.`
    : `audit anchor: key ${loaded.from} (key id ${loaded.key.keyId}); checkpoints in ${config.checkpointDir}`;
  return { anchor, note };
}

/** For commands that only read (audit verify): never makes a key. */
export function findAuditAnchor(config: AuditAnchorConfig): AuditAnchor {
  const loaded = loadAnchorKey({ key: config.key, keyFile: config.keyFile }, { create: false });
  return { key: loaded.key, keyFrom: loaded.from, checkpointDir: config.checkpointDir };
}
