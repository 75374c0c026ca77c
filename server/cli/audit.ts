import { escapeForTerminal } from '../../domain/text';
import { AnchorKeyError, findAuditAnchor, verifyAuditChain, type AuditVerification } from '../audit';
import { UsageError, parseArgs, stringFlag } from './args';
import { EXIT, type CliCommand } from './io';
import { closeTarget, openTarget } from './open-db';
import { RemoteError } from './remote';

export const usage = `usage: lotline audit verify [--json] [--url URL [--user NAME]]

Walks the audit hash chain, checks it against the signed checkpoints (LOTLINE_AUDIT_KEY_FILE,
LOTLINE_AUDIT_CHECKPOINT_DIR; by default beside DATA_DIR) and every lot's status against its
last audited status change, and names every break. Text from the record is printed escaped
(\u001b for ESC). Exit 0: intact, 1: broken or unreachable, 2: usage or no database.
  reads DATABASE_URL, or the embedded database in DATA_DIR (which must exist);
  --url URL       ask a running server instead (needed while it holds DATA_DIR; found there
                  automatically when credentials are given)
  --user NAME     sign in as NAME (qc, supervisor or admin); the password comes from
                  LOTLINE_PASSWORD or stdin. Or set LOTLINE_TOKEN to a session token.
`;

export const run: CliCommand = async (args, io) => {
  let json: boolean;
  let url: string | undefined;
  let user: string | undefined;
  try {
    const parsed = parseArgs(args, { booleans: ['json'], values: ['url', 'user'] });
    if (parsed.positionals.length !== 1 || parsed.positionals[0] !== 'verify') throw new UsageError('expected the subcommand verify');
    json = parsed.flags.has('json');
    url = stringFlag(parsed, 'url');
    user = stringFlag(parsed, 'user');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`lotline audit: ${error.message}\n${usage}`);
    return EXIT.usage;
  }
  const target = await openTarget(io, { command: 'audit verify', url, user });
  if (typeof target === 'number') return target;
  try {
    const result =
      target.kind === 'local'
        ? await verifyAuditChain(target.db, { anchor: findAuditAnchor(target.config.auditAnchor) })
        : await target.remote.json<AuditVerification>('GET', '/api/audit/verify');
    io.out(json ? `${JSON.stringify(result)}\n` : describe(result));
    return result.ok ? EXIT.ok : EXIT.failed;
  } catch (error) {
    if (!(error instanceof RemoteError || error instanceof AnchorKeyError)) throw error;
    io.err(`lotline audit verify: ${error.message}\n`);
    return EXIT.failed;
  } finally {
    await closeTarget(target);
  }
};

/** The result for a person: one line per break, with everything from the record escaped. */
export function describe(result: AuditVerification): string {
  const lines: string[] = [];
  // A server older than the anchored chain answers with the first break only.
  const breaks = result.breaks ?? (result.firstBreak ? [result.firstBreak] : []);
  const count = result.breakCount ?? breaks.length;
  const head = result.lastSeq ? `, last row ${result.lastSeq}` : '';
  if (result.ok) lines.push(`audit chain intact: ${result.rows} rows${head}, last hash ${result.lastHash}`);
  else lines.push(`audit chain BROKEN: ${count} ${count === 1 ? 'break' : 'breaks'} in ${result.rows} rows${head}`);
  for (const b of breaks) {
    const where = b.lotId
      ? `lot ${b.lotId}`
      : b.seq
        ? `row ${b.seq}${b.id ? ` (id ${b.id})` : ''}`
        : b.checkpoint
          ? `checkpoint ${b.checkpoint.file}:${b.checkpoint.line}`
          : 'the anchor';
    lines.push(`  ${b.problem} at ${escapeForTerminal(where)}: ${escapeForTerminal(b.message)}`);
  }
  if (count > breaks.length) lines.push(`  ... and ${count - breaks.length} more (use --json, or fix the first ones)`);
  if (result.anchor) lines.push(`anchor: ${escapeForTerminal(result.anchor.message)}`);
  return `${lines.join('\n')}\n`;
}
