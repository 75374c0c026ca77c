import { DRILL_PASS_BAND, RECALL_STATES, formatStopwatch, type RecallState } from '../../domain/recall';
import { runDrill, type Drill } from '../recall/drill';
import { AppError } from '../errors';
import { findRecallByNumber, listRecalls, readFrozenScope, readScope, recallTransitions, refuseConflicts, type FrozenScope, type RecallCase, type RecallScope, type RecallTransition, type ScopeInput } from '../recall';
import { UsageError, parseArgs, stringFlag } from './args';
import { EXIT, type CliCommand, type CliIo } from './io';
import { closeTarget, openTarget, type Target } from './open-db';
import { RemoteError, type RemoteSession } from './remote';
import { asSignedIn } from './signed-in';
import { UUID_TEXT } from '../../domain/text';

export const usage = `usage: lotline recall scope <lot> [--gtin <gtin>] [--family] [--json] [--url URL [--user NAME]]
       lotline recall scope --serial <serial> --gtin <gtin> [--json]
       lotline recall scope --supplier-lot <lot> [--supplier <name>] [--gtin <gtin>] [--json]
       lotline recall list [--state <state>] [--drills | --no-drills] [--json]
       lotline recall show <case number> [--json]
       lotline recall drill --lot <lot> [--gtin <gtin>] --user NAME [--json] [--url URL]
  scope: every lot a recall of this input reaches through genealogy, the stock and consignees
    it reached, and the mass balance (% accounted for, and each lot that does not balance);
    --family adds the whole family: every lot sharing an ancestor with the input's lots
  list: recall cases, newest first; show: one case with its signed steps and frozen scope
  drill: a mock recall of the lot, timed by the server from the start to the scope, the
    consignee list and the mass balance, with the % accounted for against the pass band
    (99.5-101.5 %); it leaves a draft drill case (MR...), holds nothing and sends nothing.
    It is recorded under --user NAME (qc or supervisor; password from LOTLINE_PASSWORD or
    stdin). Exit 1 when the drill fails the band.
  Opening and moving a case take an electronic signature: use the console or POST
  /api/recalls/{id}/open and /transition.
  reads DATABASE_URL, or the embedded database in DATA_DIR (which must exist);
  --url URL, --user NAME: ask a running server (password from LOTLINE_PASSWORD or stdin, or
  LOTLINE_TOKEN); needed while a server holds DATA_DIR. Exit 0: answered, 1: nothing matches,
  a lot is in another open case, or unreachable, 2: usage or no database.
`;

type Request =
  | { what: 'scope'; input: ScopeInput; json: boolean }
  | { what: 'list'; state: RecallState | undefined; drill: boolean | undefined; json: boolean }
  | { what: 'show'; number: string; json: boolean }
  | { what: 'drill'; input: ScopeInput; json: boolean };

const GTIN = /^\d{14}$/;

function gtinFlag(value: string | undefined): string | undefined {
  if (value !== undefined && !GTIN.test(value)) throw new UsageError('--gtin must be 14 digits');
  return value;
}

function scopeInputOf(positionals: string[], serial: string | undefined, supplierLot: string | undefined, supplier: string | undefined, gtin: string | undefined): ScopeInput {
  const given = [positionals.length > 0, serial !== undefined, supplierLot !== undefined].filter(Boolean).length;
  if (given !== 1 || positionals.length > 1) throw new UsageError('give one lot, or --serial, or --supplier-lot');
  if (supplier !== undefined && supplierLot === undefined) throw new UsageError('--supplier goes with --supplier-lot');
  if (serial !== undefined) {
    if (gtin === undefined) throw new UsageError('--serial needs the --gtin it is a serial of');
    return { kind: 'serial', gtin, serial };
  }
  if (supplierLot !== undefined) return { kind: 'supplier_lot', supplierLot, ...(supplier ? { supplier } : {}), ...(gtin ? { gtin } : {}) };
  const ref = positionals[0]!;
  return UUID_TEXT.test(ref) ? { kind: 'lot', lotId: ref } : { kind: 'lot', lotNumber: ref, ...(gtin ? { gtin } : {}) };
}

function parseRequest(args: string[]): { request: Request; url: string | undefined; user: string | undefined } {
  const [sub, ...rest] = args;
  const common = ['url', 'user'];
  if (sub === 'scope') {
    const parsed = parseArgs(rest, { booleans: ['json', 'family'], values: ['gtin', 'serial', 'supplier-lot', 'supplier', ...common] });
    const gtin = gtinFlag(stringFlag(parsed, 'gtin'));
    const found = scopeInputOf(parsed.positionals, stringFlag(parsed, 'serial'), stringFlag(parsed, 'supplier-lot'), stringFlag(parsed, 'supplier'), gtin);
    const input: ScopeInput = parsed.flags.has('family') ? { ...found, family: true } : found;
    return { request: { what: 'scope', input, json: parsed.flags.has('json') }, url: stringFlag(parsed, 'url'), user: stringFlag(parsed, 'user') };
  }
  if (sub === 'list') {
    const parsed = parseArgs(rest, { booleans: ['json', 'drills', 'no-drills'], values: ['state', ...common] });
    if (parsed.positionals.length > 0) throw new UsageError(`recall list takes no '${parsed.positionals[0]}'`);
    const state = stringFlag(parsed, 'state');
    if (state !== undefined && !(RECALL_STATES as readonly string[]).includes(state)) throw new UsageError(`--state must be one of ${RECALL_STATES.join(', ')}`);
    if (parsed.flags.has('drills') && parsed.flags.has('no-drills')) throw new UsageError('--drills and --no-drills exclude each other');
    const drill = parsed.flags.has('drills') ? true : parsed.flags.has('no-drills') ? false : undefined;
    return { request: { what: 'list', state: state as RecallState | undefined, drill, json: parsed.flags.has('json') }, url: stringFlag(parsed, 'url'), user: stringFlag(parsed, 'user') };
  }
  if (sub === 'show') {
    const parsed = parseArgs(rest, { booleans: ['json'], values: common });
    if (parsed.positionals.length !== 1) throw new UsageError('give exactly one case number (RC... or MR...)');
    return { request: { what: 'show', number: parsed.positionals[0]!, json: parsed.flags.has('json') }, url: stringFlag(parsed, 'url'), user: stringFlag(parsed, 'user') };
  }
  if (sub === 'drill') {
    const parsed = parseArgs(rest, { booleans: ['json'], values: ['lot', 'gtin', ...common] });
    if (parsed.positionals.length > 0) throw new UsageError(`recall drill takes --lot <lot>, not '${parsed.positionals[0]}'`);
    const lot = stringFlag(parsed, 'lot');
    if (lot === undefined) throw new UsageError('recall drill needs --lot <lot>');
    const gtin = gtinFlag(stringFlag(parsed, 'gtin'));
    return { request: { what: 'drill', input: { kind: 'lot', lotNumber: lot, ...(gtin ? { gtin } : {}) }, json: parsed.flags.has('json') }, url: stringFlag(parsed, 'url'), user: stringFlag(parsed, 'user') };
  }
  throw new UsageError(sub === undefined ? 'say scope, list, show or drill' : `unknown subcommand '${sub}': say scope, list, show or drill`);
}

interface CaseDetail {
  case: RecallCase;
  transitions: RecallTransition[];
  scope: FrozenScope;
}

/** The same answers from a running server, through the routes the console uses. */
const remote = {
  async scope(session: RemoteSession, input: ScopeInput): Promise<RecallScope> {
    return session.json<RecallScope>('POST', '/api/recalls/scope', { scope: input });
  },
  async list(session: RemoteSession, state: RecallState | undefined, drill: boolean | undefined): Promise<RecallCase[]> {
    const query = new URLSearchParams({ ...(state ? { state } : {}), ...(drill === undefined ? {} : { drill: String(drill) }) });
    return (await session.json<{ cases: RecallCase[] }>('GET', `/api/recalls?${query.toString()}`)).cases;
  },
  async show(session: RemoteSession, number: string): Promise<CaseDetail> {
    // The API names cases by id; the list holds the newest 500, which is where a number someone types lives.
    const found = (await remote.list(session, undefined, undefined)).find((c) => c.number === number);
    if (!found) throw new RemoteError(`No recall case ${number}.`, 404, 'not_found');
    return session.json<CaseDetail>('GET', `/api/recalls/${found.id}`);
  },
};

const local = {
  async scope(target: Extract<Target, { kind: 'local' }>, input: ScopeInput): Promise<RecallScope> {
    const scope = await readScope(target.db, input);
    refuseConflicts(scope);
    return scope;
  },
  async show(target: Extract<Target, { kind: 'local' }>, number: string): Promise<CaseDetail> {
    const found = await findRecallByNumber(target.db, number);
    return { case: found, transitions: await recallTransitions(target.db, found.id), scope: await readFrozenScope(target.db, found.id) };
  },
};

/** The drill ran and was printed, but failed its band: the exit code says so to a script. */
class DrillFailed extends Error {}

const qty = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 3 });
const percent = (p: number | null) => (p === null ? 'n/a' : `${p.toFixed(1)} %`);

function describeScope(scope: RecallScope): string {
  const lotNumber = new Map(scope.lots.map((l) => [l.id, l.lotNumber]));
  const toHold = scope.lots.filter((l) => l.hold === 'recall').length;
  const lines = [`Recall scope of ${scope.described}`, '', `Lots: ${scope.lots.length} (${toHold} to be put on recall hold when the case opens)`];
  for (const l of scope.lots) {
    const supplier = l.supplierLot ? `  supplier lot ${l.supplierLot}${l.supplier ? ` from ${l.supplier}` : ''}` : '';
    lines.push(`  ${l.reached === 'family' ? 'family ' : ''}${'  '.repeat(l.depth)}${l.lotNumber}  ${l.gtin}  ${l.itemName}  ${l.status}${l.hold === 'recall' ? '' : ` (${l.hold.replace('_', ' ')})`}${supplier}`);
  }
  lines.push('', `Stock now:${scope.stock.length === 0 ? ' none' : ''}`);
  for (const s of scope.stock) lines.push(`  ${lotNumber.get(s.lotId) ?? s.lotId}  ${s.locationCode}  ${s.locationKind}  ${qty(s.qty)}`);
  for (const p of scope.picked) lines.push(`  ${lotNumber.get(p.lotId) ?? p.lotId}  ${qty(p.qty)} of it picked on pick list ${p.pickList}`);
  if (scope.unsynced.queuedOps > 0) {
    lines.push('', `Not yet synced: ${scope.unsynced.queuedOps} op(s) queued on ${scope.unsynced.devices.length} handheld(s) (${scope.unsynced.devices.map((d) => d.name).join(', ')}); not in the mass balance, the server cannot tell which lots they touch`);
  }
  lines.push('', `Consignees: ${scope.consignees.length} (${scope.shipmentLines.length} shipment line(s))`);
  for (const c of scope.consignees) lines.push(`  ${c.code}  ${c.name}  shipped ${qty(c.shipped)}  returned ${qty(c.returned)}  outstanding ${qty(c.outstanding)}`);
  const b = scope.balance;
  lines.push('', `Mass balance: ${qty(b.accounted)} of ${qty(b.broughtIn)} accounted for (${percent(b.percent)})`);
  const gaps = b.lots.filter((l) => !l.balanced);
  if (gaps.length === 0) lines.push('  every lot balances');
  for (const l of gaps) {
    const where = `in stock ${qty(l.inStock)}, picked ${qty(l.picked)}, scrapped ${qty(l.scrapped)}, at consignees ${qty(l.shippedOut)}, consumed ${qty(l.consumed)}, corrected ${qty(l.corrected)}`;
    lines.push(`  lot ${lotNumber.get(l.lotId) ?? l.lotId}: brought in ${qty(l.broughtIn)}, accounted ${qty(l.accounted)} (${where}): ${l.unaccounted > 0 ? `${qty(l.unaccounted)} unaccounted` : `${qty(-l.unaccounted)} more than brought in`}`);
  }
  return `${lines.join('\n')}\n`;
}

function caseLine(c: RecallCase): string {
  const classes = [c.terms.classes.fda ? `FDA ${c.terms.classes.fda}` : '', c.terms.classes.nmpa ? `NMPA ${c.terms.classes.nmpa}` : '', c.terms.classes.euFsca ? 'EU FSCA' : ''].filter(Boolean).join(', ');
  return `${c.number}  ${c.drill ? 'drill' : 'recall'}  ${c.state}  ${c.createdAt.slice(0, 10)}  ${c.owner.username}${classes ? `  ${classes}` : ''}  ${c.terms.reason}`;
}

function describeList(cases: RecallCase[]): string {
  if (cases.length === 0) return 'No recall cases.\n';
  return `${cases.map(caseLine).join('\n')}\n`;
}

function describeCase(detail: CaseDetail): string {
  const c = detail.case;
  const lines = [
    `Recall ${c.number}${c.drill ? ' (drill)' : ''}: ${c.state}`,
    `  reason: ${c.terms.reason}`,
    ...(c.terms.healthHazard ? [`  health hazard: ${c.terms.healthHazard}`] : []),
    `  owner: ${c.owner.username} (${c.owner.name})`,
    `  jurisdictions: ${c.terms.jurisdictions.join(', ') || 'none yet'}; depth: ${c.terms.depth ?? 'not set'}; effectiveness check: ${c.terms.effectiveness ? `level ${c.terms.effectiveness.level}${c.terms.effectiveness.percent ? ` ${c.terms.effectiveness.percent} %` : ''}` : 'not set'}`,
    `  created ${c.createdAt}${c.openedAt ? `, opened ${c.openedAt}` : ''}${c.closedAt ? `, closed ${c.closedAt}` : ''}`,
    '',
    `Signed steps: ${detail.transitions.length === 0 ? 'none' : ''}`,
  ];
  for (const t of detail.transitions) lines.push(`  ${t.signedAt}  ${t.from} -> ${t.to}  ${t.meaning} by ${t.signerName}: ${t.reason}`);
  const s = detail.scope;
  if (s.lots.length === 0) {
    lines.push('', 'Scope: not frozen yet (it is when the case opens)');
  } else {
    const accounted = s.broughtIn - s.unaccounted;
    lines.push('', `Frozen scope: ${s.lots.length} lot(s), ${s.consignees.length} consignee(s), ${s.shipmentLines} shipment line(s); ${qty(accounted)} of ${qty(s.broughtIn)} accounted for (${percent(s.broughtIn === 0 ? null : Math.round((accounted / s.broughtIn) * 1000) / 10)})`);
    for (const l of s.lots) lines.push(`  ${l.lotNumber}  ${l.gtin}  was ${l.statusBefore}, ${l.hold}${l.unaccounted === 0 ? '' : `  unaccounted ${qty(l.unaccounted)}`}`);
    for (const k of s.consignees) lines.push(`  ${k.code}  ${k.name}  shipped ${qty(k.shipped)}  returned ${qty(k.returned)}  outstanding ${qty(k.outstanding)}`);
  }
  return `${lines.join('\n')}\n`;
}

function describeDrill(d: Drill): string {
  const ms = (n: number) => formatStopwatch(n).padStart(10);
  return [
    `Mock recall ${d.caseNumber} of ${d.scopeDescribed}`,
    `  scope ready       ${ms(d.timings.scopeMs)}  (${d.lots} lot(s))`,
    `  consignee list    ${ms(d.timings.consigneesMs)}  (${d.consignees} consignee(s), ${d.shipmentLines} shipment line(s))`,
    `  mass balance      ${ms(d.timings.balanceMs)}`,
    `Accounted for: ${qty(d.accounted)} of ${qty(d.broughtIn)} (${d.percent === null ? 'n/a' : `${d.percent.toFixed(2)} %`}): ${d.passed ? 'PASS' : 'FAIL'} (pass band ${DRILL_PASS_BAND.min}-${DRILL_PASS_BAND.max} %)`,
    '',
  ].join('\n');
}

/** A drill is recorded under a person: signed in with the password, as the console would, and signed out again. */
async function answer(target: Target, request: Request, io: CliIo, user?: string): Promise<void> {
  const out = (value: unknown, text: string) => io.out(request.json ? `${JSON.stringify(value)}\n` : text);
  switch (request.what) {
    case 'scope': {
      const scope = target.kind === 'local' ? await local.scope(target, request.input) : await remote.scope(target.remote, request.input);
      return out(scope, describeScope(scope));
    }
    case 'list': {
      const cases = target.kind === 'local' ? await listRecalls(target.db, { state: request.state, drill: request.drill }) : await remote.list(target.remote, request.state, request.drill);
      return out({ cases }, describeList(cases));
    }
    case 'show': {
      const detail = target.kind === 'local' ? await local.show(target, request.number) : await remote.show(target.remote, request.number);
      return out(detail, describeCase(detail));
    }
    case 'drill': {
      const drill = target.kind === 'local'
          ? await asSignedIn(target.db, user, io, { needsUser: 'recall drill needs --user NAME (qc or supervisor) to record the drill under', roles: ['qc', 'supervisor'], refusal: 'Only qc or a supervisor runs a mock recall.' }, (session) => runDrill(target.db, session, { scope: request.input }))
          : (await target.remote.json<{ drill: Drill }>('POST', '/api/recalls/drills', { scope: request.input })).drill;
      out({ drill }, describeDrill(drill));
      if (!drill.passed) throw new DrillFailed();
    }
  }
}

export const run: CliCommand = async (args, io) => {
  let parsed: ReturnType<typeof parseRequest>;
  try {
    parsed = parseRequest(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`lotline recall: ${error.message}\n${usage}`);
    return EXIT.usage;
  }
  const target = await openTarget(io, { command: 'recall', url: parsed.url, user: parsed.user });
  if (typeof target === 'number') return target;
  try {
    await answer(target, parsed.request, io, parsed.user);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof DrillFailed) return EXIT.failed;
    if (error instanceof UsageError) {
      io.err(`lotline recall: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof AppError || error instanceof RemoteError) {
      io.err(`lotline recall: ${error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  } finally {
    await closeTarget(target);
  }
};
