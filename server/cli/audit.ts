import { verifyAuditChain } from '../audit';
import { UsageError, parseArgs } from './args';
import { EXIT, type CliCommand } from './io';
import { openConfiguredDatabase } from './open-db';

const USAGE = 'usage: lotline audit verify [--json]   (uses DATABASE_URL or DATA_DIR)\n';

export const run: CliCommand = async (args, io) => {
  let json: boolean;
  try {
    const parsed = parseArgs(args, { booleans: ['json'] });
    if (parsed.positionals.length !== 1 || parsed.positionals[0] !== 'verify') throw new UsageError('expected the subcommand verify');
    json = parsed.flags.has('json');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`lotline audit: ${error.message}\n${USAGE}`);
    return EXIT.usage;
  }
  const opened = await openConfiguredDatabase(io, 'audit');
  if (!opened) return EXIT.failed;
  const { db } = opened;
  try {
    const result = await verifyAuditChain(db);
    if (json) io.out(`${JSON.stringify(result)}\n`);
    else if (result.ok) io.out(`audit chain intact: ${result.rows} rows, last hash ${result.lastHash}\n`);
    else io.out(`audit chain BROKEN at row ${result.firstBreak!.seq} (id ${result.firstBreak!.id}): ${result.firstBreak!.message}\n`);
    return result.ok ? EXIT.ok : EXIT.failed;
  } finally {
    await db.close();
  }
};
