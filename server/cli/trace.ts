import { AppError } from '../errors';
import { MAX_TRACE_DEPTH, findLot, traceLot, type Trace } from '../lots/trace';
import { UsageError, parseArgs, stringFlag } from './args';
import { EXIT, type CliCommand } from './io';
import { closeTarget, openTarget, type Target } from './open-db';
import { RemoteError, type RemoteSession } from './remote';
import { UUID_TEXT } from '../../domain/text';

export const usage = `usage: lotline trace <lot number or id> [--backward] [--json] [--gtin <gtin>] [--depth <n>] [--serial <serial>] [--url URL [--user NAME]]
  forward (default): finished lots, stock locations and customers the lot reached
  --backward: component and supplier lots that went into it
  reads DATABASE_URL, or the embedded database in DATA_DIR (which must exist);
  --url URL, --user NAME: ask a running server (password from LOTLINE_PASSWORD or stdin, or
  LOTLINE_TOKEN); needed while a server holds DATA_DIR. Exit 0: traced, 1: no such lot or
  unreachable, 2: usage or no database.
`;

interface TraceOptions {
  backward: boolean;
  json: boolean;
  gtin: string | undefined;
  depth: number;
  serial: string | undefined;
}


/** The same lookup as findLot, through the API: exact lot number (and GTIN), or a lot id. */
async function remoteTrace(remote: RemoteSession, ref: string, options: TraceOptions): Promise<Trace> {
  let id = ref;
  if (!UUID_TEXT.test(ref)) {
    const query = new URLSearchParams({ lotNumber: ref, ...(options.gtin ? { gtin: options.gtin } : {}) });
    const { lots } = await remote.json<{ lots: { id: string; lotNumber: string; gtin: string }[] }>('GET', `/api/lots?${query.toString()}`);
    const matching = lots.filter((l) => l.lotNumber === ref);
    if (matching.length === 0) throw new RemoteError(`No lot '${ref}'${options.gtin ? ` of GTIN ${options.gtin}` : ''}.`, 404, 'not_found');
    if (matching.length > 1) throw new RemoteError(`Lot number '${ref}' belongs to ${matching.length} items (GTIN ${matching.map((l) => l.gtin).join(', ')}): give the GTIN too.`, 409, 'ambiguous');
    id = matching[0]!.id;
  }
  const query = new URLSearchParams({ direction: options.backward ? 'backward' : 'forward', depth: String(options.depth), ...(options.serial ? { serial: options.serial } : {}) });
  return remote.json<Trace>('GET', `/api/lots/${id}/trace?${query.toString()}`);
}

async function localTrace(target: Extract<Target, { kind: 'local' }>, ref: string, options: TraceOptions): Promise<Trace> {
  const lot = await findLot(target.db, ref, options.gtin ?? null);
  return traceLot(target.db, lot.id, { direction: options.backward ? 'backward' : 'forward', depth: options.depth, serial: options.serial ?? null });
}

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
  let options: TraceOptions;
  let url: string | undefined;
  let user: string | undefined;
  try {
    const parsed = parseArgs(args, { booleans: ['backward', 'json'], values: ['gtin', 'depth', 'serial', 'url', 'user'] });
    if (parsed.positionals.length !== 1) throw new UsageError('give exactly one lot');
    ref = parsed.positionals[0]!;
    const depthText = stringFlag(parsed, 'depth');
    const depth = depthText === undefined ? MAX_TRACE_DEPTH : Number(depthText);
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_TRACE_DEPTH) throw new UsageError(`--depth must be 1 to ${MAX_TRACE_DEPTH}`);
    const gtin = stringFlag(parsed, 'gtin');
    if (gtin !== undefined && !/^\d{14}$/.test(gtin)) throw new UsageError('--gtin must be 14 digits');
    options = { backward: parsed.flags.has('backward'), json: parsed.flags.has('json'), gtin, depth, serial: stringFlag(parsed, 'serial') };
    url = stringFlag(parsed, 'url');
    user = stringFlag(parsed, 'user');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`lotline trace: ${error.message}\n${usage}`);
    return EXIT.usage;
  }
  const target = await openTarget(io, { command: 'trace', url, user });
  if (typeof target === 'number') return target;
  try {
    const trace = target.kind === 'local' ? await localTrace(target, ref, options) : await remoteTrace(target.remote, ref, options);
    io.out(options.json ? `${JSON.stringify(trace)}\n` : describeTrace(trace));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof AppError || error instanceof RemoteError) {
      io.err(`lotline trace: ${error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  } finally {
    await closeTarget(target);
  }
};
