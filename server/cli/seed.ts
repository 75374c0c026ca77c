import { ensureAdmin } from '../auth';
import { loadDemoData } from '../seed/demo';
import { EXIT, type CliCommand } from './io';
import { openConfiguredDatabase } from './open-db';

export const usage = 'usage: lotline seed [demo]   load the demo plant into an empty database (uses DATABASE_URL or DATA_DIR)\n';

export const run: CliCommand = async (args, io) => {
  if (args.length > 0 && !(args.length === 1 && args[0] === 'demo')) {
    io.err(usage);
    return EXIT.usage;
  }
  const opened = await openConfiguredDatabase(io, 'seed');
  if (!opened) return EXIT.failed;
  const { db } = opened;
  try {
    const admin = await ensureAdmin(db, opened.adminPassword);
    if (admin.generatedPassword) io.out(`First login: admin / ${admin.generatedPassword}\n`);
    const demo = await loadDemoData(db);
    if (!demo.loaded) {
      io.err('lotline seed: the database already has items; demo data is only loaded into an empty one.\n');
      return EXIT.failed;
    }
    io.out(`Demo data loaded; users ${demo.users.join(', ')} with password ${demo.password}\n`);
    return EXIT.ok;
  } finally {
    await db.close();
  }
};
