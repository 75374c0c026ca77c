import { AppError } from '../errors';
import { MAX_TRACE_DEPTH, findLot, traceLot, type Trace } from '../lots/trace';
import { UsageError, parseArgs, stringFlag } from './args';
import { EXIT, type CliCommand } from './io';
import { openConfiguredDatabase } from './open-db';

const USAGE = `usage: lotline trace <lot number or id> [--backward] [--json] [--gtin <gtin>] [--depth <n>] [--serial <serial>]
  forward (default): finished lots, stock locations and customers the lot reached
  --backward: component and supplier lots that went into it
  (uses DATABASE_URL or DATA_DIR)\n`;

function describeTrace(trace: Trace): string {
  const byId = new Map(trace.lots.map((l) => [l.id, l]));
  const root = byId.get(trace.root)!;
  const lines = [`${trace.direction === 'forward' ? 'Forward' : 'Backward'} trace of lot ${root.lotNumber} (GTIN ${root.gtin}, ${root.itemName}, ${root.status})`];
  const deeper = trace.lots.filter((l) => l.depth > 0);
  lines.push('', trace.direction === 'forward' ? `Lots made from it: ${deeper.length}` : `Lots that went into it: ${deeper.length}`);
  for (const lot of deeper) {
    const supplier = lot.supplierLot ? `, supplier lot ${lot.supplierLot}${lot.supplier ? ` from ${lot.supplier}` : ''}` : '';
    lines.push(`  ${'  '.repeat(lot.depth - 1)}${lot.lotNumber}  ${lot.gtin}  ${lot.itemName}  ${lot.status}${lot.expiresOn ? `  exp ${lot.expiresOn}` : ''}${supplier}`);
  }
  lines.push('', `Stock now: ${trace.stock.length === 0 ? 'none' : ''}`);
  for (const s of trace.stock) lines.push(`  ${byId.get(s.lotId)?.lotNumber ?? s.lotId}  ${s.locationCode}  ${s.qty}`);
  if (trace.direction === 'forward') {
    const customers = new Set(trace.shipments.map((s) => `${s.customerCode} ${s.customerName}`));
    lines.push('', `Shipped to ${customers.size} customer(s) in ${new Set(trace.shipments.map((s) => s.shipment)).size} shipment(s)`);
    for (const s of trace.shipments) lines.push(`  ${s.shippedAt.slice(0, 10)}  ${s.shipment}  ${s.customerCode}  ${s.customerName}  lot ${byId.get(s.lotId)?.lotNumber ?? s.lotId}  ${s.qty}${s.serial ? `  serial ${s.serial}` : ''}`);
  }
  if (trace.truncated) lines.push('', `Stopped at depth ${trace.depth}: there is more beyond.`);
  return `${lines.join('\n')}\n`;
}

export const run: CliCommand = async (args, io) => {
  let ref: string;
  let options: { backward: boolean; json: boolean; gtin: string | undefined; depth: number; serial: string | undefined };
  try {
    const parsed = parseArgs(args, { booleans: ['backward', 'json'], values: ['gtin', 'depth', 'serial'] });
    if (parsed.positionals.length !== 1) throw new UsageError('give exactly one lot');
    ref = parsed.positionals[0]!;
    const depthText = stringFlag(parsed, 'depth');
    const depth = depthText === undefined ? MAX_TRACE_DEPTH : Number(depthText);
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_TRACE_DEPTH) throw new UsageError(`--depth must be 1 to ${MAX_TRACE_DEPTH}`);
    const gtin = stringFlag(parsed, 'gtin');
    if (gtin !== undefined && !/^\d{14}$/.test(gtin)) throw new UsageError('--gtin must be 14 digits');
    options = { backward: parsed.flags.has('backward'), json: parsed.flags.has('json'), gtin, depth, serial: stringFlag(parsed, 'serial') };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`lotline trace: ${error.message}\n${USAGE}`);
    return EXIT.usage;
  }
  const opened = await openConfiguredDatabase(io, 'trace');
  if (!opened) return EXIT.failed;
  const { db } = opened;
  try {
    const lot = await findLot(db, ref, options.gtin ?? null);
    const trace = await traceLot(db, lot.id, { direction: options.backward ? 'backward' : 'forward', depth: options.depth, serial: options.serial ?? null });
    io.out(options.json ? `${JSON.stringify(trace)}\n` : describeTrace(trace));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof AppError) {
      io.err(`lotline trace: ${error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  } finally {
    await db.close();
  }
};
