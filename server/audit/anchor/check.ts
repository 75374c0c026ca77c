import type { AuditBreak } from '../verify';
import { checkpointSignatureValid } from './checkpoint';
import type { AnchorKey } from './key';
import { readCheckpoints, type StoredCheckpoint } from './store';

/** Where verification finds the signing key and the checkpoints. */
export interface AuditAnchor {
  key: AnchorKey | null;
  /** Where the key was looked for (a file, or LOTLINE_AUDIT_KEY), for messages. */
  keyFrom: string;
  checkpointDir: string;
}

export interface AnchorReport {
  status: 'checked' | 'no_checkpoints' | 'key_missing' | 'not_configured';
  checkpointDir: string | null;
  /** Checkpoints with a good signature. */
  checkpoints: number;
  latest: { seq: string; hash: string; at: string } | null;
  /** Rows after the latest checkpoint: not yet anchored, so a change to them shows only in the chain. */
  rowsAfterLatest: number;
  message: string;
}

type AnchorBreak = Omit<AuditBreak, 'seq' | 'id'> & { seq: string | null; id: null };

const where = (s: StoredCheckpoint) => `${s.file}:${s.line}`;
const point = (s: StoredCheckpoint) => ({ file: s.file, line: s.line, seq: s.checkpoint.seq, at: s.checkpoint.at });

/**
 * The checkpoint side of verification, fed the chain row by row: a row whose hash differs from
 * a signed checkpoint was re-hashed; a signed row that never came was removed.
 */
export function checkCheckpoints(anchor: AuditAnchor | undefined) {
  const early: AnchorBreak[] = [];
  const bySeq = new Map<string, StoredCheckpoint[]>();
  let latest: StoredCheckpoint | undefined;
  let status: AnchorReport['status'] = 'not_configured';
  if (anchor) {
    const stored = readCheckpoints(anchor.checkpointDir);
    for (const u of stored.unreadable) {
      early.push({ seq: null, id: null, problem: 'checkpoint_unreadable', message: `checkpoint ${u.file}:${u.line} is not a checkpoint: the file was edited`, checkpoint: { file: u.file, line: u.line, seq: null, at: null } });
    }
    if (!anchor.key) {
      status = stored.checkpoints.length > 0 ? 'key_missing' : 'no_checkpoints';
      if (stored.checkpoints.length > 0) {
        early.push({ seq: null, id: null, problem: 'anchor_key_missing', message: `${stored.checkpoints.length} checkpoints in ${anchor.checkpointDir} cannot be checked: no audit anchor key at ${anchor.keyFrom} (set LOTLINE_AUDIT_KEY_FILE)` });
      }
    } else {
      const key = anchor.key;
      for (const s of stored.checkpoints) {
        if (!checkpointSignatureValid(key, s.checkpoint)) {
          const why = s.checkpoint.keyId === key.keyId ? 'its signature is wrong' : `it names key ${s.checkpoint.keyId}, not this key ${key.keyId}`;
          early.push({ seq: s.checkpoint.seq, id: null, problem: 'checkpoint_forged', message: `checkpoint ${where(s)} for row ${s.checkpoint.seq} is forged: ${why}`, checkpoint: point(s) });
          continue;
        }
        bySeq.set(s.checkpoint.seq, [...(bySeq.get(s.checkpoint.seq) ?? []), s]);
        if (!latest || BigInt(s.checkpoint.seq) > BigInt(latest.checkpoint.seq)) latest = s;
      }
      status = latest ? 'checked' : 'no_checkpoints';
    }
  }
  const seen = new Set<string>();
  let lastMatched: string | null = null;
  let rowsAfterLatest = 0;
  const latestSeq = latest ? BigInt(latest.checkpoint.seq) : -1n;

  return {
    /** A break when this row contradicts a signed checkpoint. */
    atRow(seq: string, hash: string): AnchorBreak | null {
      if (BigInt(seq) > latestSeq) rowsAfterLatest++;
      const signed = bySeq.get(seq);
      if (!signed) return null;
      seen.add(seq);
      const differing = signed.find((s) => s.checkpoint.hash !== hash);
      if (!differing) {
        lastMatched = seq;
        return null;
      }
      return {
        seq,
        id: null,
        problem: 'checkpoint_mismatch',
        message:
          `row ${seq} does not match checkpoint ${where(differing)} signed at ${differing.checkpoint.at}: ` +
          `rows ${lastMatched === null ? 'from the start' : `after ${lastMatched} (the last row that still matches a checkpoint)`} up to ${seq} were rewritten and the chain re-hashed`,
        checkpoint: point(differing),
      };
    },
    /** Early breaks, and signed rows the walk never reached. */
    afterWalk(lastSeq: string | null): AnchorBreak[] {
      const out = [...early];
      const end = lastSeq === null ? 0n : BigInt(lastSeq);
      const missing = [...bySeq.entries()].filter(([seq]) => !seen.has(seq)).map(([, list]) => list[0]!);
      const inside = missing.filter((s) => BigInt(s.checkpoint.seq) <= end);
      for (const s of inside) {
        out.push({ seq: s.checkpoint.seq, id: null, problem: 'rows_missing', message: `row ${s.checkpoint.seq}, signed in checkpoint ${where(s)} at ${s.checkpoint.at}, is missing from the chain`, checkpoint: point(s) });
      }
      const beyond = missing.filter((s) => BigInt(s.checkpoint.seq) > end).sort((a, b) => (BigInt(a.checkpoint.seq) < BigInt(b.checkpoint.seq) ? 1 : -1))[0];
      if (beyond) {
        out.push({
          seq: beyond.checkpoint.seq,
          id: null,
          problem: 'rows_missing',
          message:
            `the chain ends at row ${lastSeq ?? 'none (it is empty)'}, but checkpoint ${where(beyond)} signed at ${beyond.checkpoint.at} covers rows up to ${beyond.checkpoint.seq}: ` +
            `rows after ${lastSeq ?? '0'} up to ${beyond.checkpoint.seq} were removed. If this database was restored from an earlier backup, ` +
            'restore the checkpoint directory from the same backup too (or move the newer checkpoint files aside).',
          checkpoint: point(beyond),
        });
      }
      return out;
    },
    report(lastSeq: string | null): AnchorReport {
      const dir = anchor?.checkpointDir ?? null;
      const count = [...bySeq.values()].reduce((n, l) => n + l.length, 0);
      const latestOut = latest ? { seq: latest.checkpoint.seq, hash: latest.checkpoint.hash, at: latest.checkpoint.at } : null;
      const message =
        status === 'not_configured'
          ? 'no audit anchor configured: rows and links checked, not the signed checkpoints'
          : status === 'key_missing'
            ? `no audit anchor key at ${anchor!.keyFrom}: the checkpoints in ${dir} were not checked`
            : status === 'no_checkpoints'
              ? `no signed checkpoint in ${dir} yet: ${lastSeq === null ? 'the chain is empty' : 'the chain is not anchored (a server signs checkpoints while it runs)'}`
              : `${count} signed checkpoints, the latest for row ${latest!.checkpoint.seq} at ${latest!.checkpoint.at}; ${rowsAfterLatest} rows after it not yet anchored`;
      return { status, checkpointDir: dir, checkpoints: count, latest: latestOut, rowsAfterLatest, message };
    },
  };
}
