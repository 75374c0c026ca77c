import type { Queryable } from '../../db';
import { checkpointSignatureValid, signCheckpoint, type Checkpoint } from './checkpoint';
import type { AnchorKey } from './key';
import { appendCheckpoints, readCheckpoints } from './store';

export interface AnchorJobOptions {
  key: AnchorKey;
  checkpointDir: string;
  /** A checkpoint at least every this many rows. */
  everyRows: number;
  /** And of the head at least this often while rows are being added. */
  everyMs: number;
  onError: (error: unknown) => void;
  now?: () => Date;
}

export interface AnchorJob {
  /** Signs what is due now (every N-th row since the last checkpoint, and the head): for tests and shutdown. */
  checkpointNow(options?: { head: boolean }): Promise<Checkpoint[]>;
  /** The newest signed row this process knows of, or '0'. */
  lastSeq(): string;
  stop(): Promise<void>;
}

interface Due {
  seq: string;
  hash: string;
  rn: string;
  total: string;
}

/**
 * Signs checkpoints of the audit chain's head into the checkpoint directory while the server
 * runs: every `everyRows` rows, and the head once `everyMs` passed since the last one, so a
 * removed tail or a re-hashed chain cannot pass `audit verify`. Only committed rows are seen,
 * and the chain's append lock makes them a prefix of the chain.
 */
export function startAnchorJob(db: Queryable, options: AnchorJobOptions): AnchorJob {
  const now = options.now ?? (() => new Date());
  const own = readCheckpoints(options.checkpointDir).checkpoints.filter((s) => checkpointSignatureValid(options.key, s.checkpoint));
  let last = own.reduce((max, s) => (BigInt(s.checkpoint.seq) > BigInt(max) ? s.checkpoint.seq : max), '0');
  let lastAt = now().getTime();
  let running: Promise<Checkpoint[]> | undefined;
  let stopped = false;

  const run = async (head: boolean): Promise<Checkpoint[]> => {
    const due = await db.query<Due>(
      `SELECT seq::text AS seq, hash, rn::text AS rn, total::text AS total FROM (
         SELECT seq, hash, row_number() OVER (ORDER BY seq) AS rn, count(*) OVER () AS total FROM audit_log WHERE seq > $1::bigint
       ) x WHERE rn % $2 = 0 OR rn = total ORDER BY x.seq`,
      [last, options.everyRows],
    );
    const at = now();
    const headDue = head || at.getTime() - lastAt >= options.everyMs;
    const rows = due.rows.filter((r) => BigInt(r.rn) % BigInt(options.everyRows) === 0n || (headDue && r.rn === r.total));
    if (rows.length === 0) return [];
    const checkpoints = rows.map((r) => signCheckpoint(options.key, { seq: r.seq, hash: r.hash }, at));
    appendCheckpoints(options.checkpointDir, checkpoints);
    last = rows[rows.length - 1]!.seq;
    lastAt = at.getTime();
    return checkpoints;
  };
  const once = (head: boolean): Promise<Checkpoint[]> => {
    // One at a time: two overlapping runs would sign the same rows twice.
    const next = (running ?? Promise.resolve([])).catch(() => []).then(() => run(head));
    running = next;
    return next;
  };
  const timer = setInterval(() => {
    if (!stopped) once(false).catch(options.onError);
  }, Math.min(options.everyMs, 5_000));
  // The timer alone must never keep a process (or a test run) alive.
  timer.unref();

  return {
    checkpointNow: (o = { head: true }) => once(o.head),
    lastSeq: () => last,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      // The head at shutdown is signed, so a clean stop leaves nothing unanchored.
      await once(true).catch(options.onError);
    },
  };
}
