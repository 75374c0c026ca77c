import { verifyAuditChain, type AuditVerification } from '../audit';
import { UsageError, parseArgs, stringFlag } from './args';
import { EXIT, type CliCommand } from './io';
import { closeTarget, openTarget } from './open-db';
import { RemoteError } from './remote';

export const usage = `usage: lotline audit verify [--json] [--url URL [--user NAME]]

Walks the audit hash chain and names the first broken row. Exit 0: intact, 1: broken or
unreachable, 2: usage or no database.
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
    const result = target.kind === 'local' ? await verifyAuditChain(target.db) : await target.remote.json<AuditVerification>('GET', '/api/audit/verify');
    if (json) io.out(`${JSON.stringify(result)}\n`);
    else if (result.ok) io.out(`audit chain intact: ${result.rows} rows, last hash ${result.lastHash}\n`);
    else io.out(`audit chain BROKEN at row ${result.firstBreak!.seq} (id ${result.firstBreak!.id}): ${result.firstBreak!.message}\n`);
    return result.ok ? EXIT.ok : EXIT.failed;
  } catch (error) {
    if (!(error instanceof RemoteError)) throw error;
    io.err(`lotline audit verify: ${error.message}\n`);
    return EXIT.failed;
  } finally {
    await closeTarget(target);
  }
};
