import { applyPackOp, childName, judgePackOp, type Container, type ContainerLevel, type PackChild, type PackLevel, type PackOp, type PackagingSpec, type UnitLine } from '../../domain/packaging';
import type { LotStatus } from '../../domain/lots';
import type { PackChildOp, PackOpPayload, PlannedException, UnpackOpPayload } from '../../domain/ops';
import type { Queryable } from '../db';
import { containerOfSerial, loadTrees, lotKeyOf, saveChanges, type LotIds } from './containers';

export type ContainerOpResult =
  | { status: 'applied'; message: string }
  | { status: 'exception'; message: string; exception: PlannedException }
  | { status: 'rejected'; code: string; field: string; message: string };

const refused = (code: string, field: string, message: string): ContainerOpResult => ({ status: 'rejected', code, field, message });

/**
 * Packs and unpacks are judged one at a time across the plant: two handhelds packing the same
 * case must not both see it loose. The lock is held to the end of the push's transaction.
 */
export const PACKING_LOCK = 0x4c4f5450; // 'LOTP'

async function unitLineOf(db: Queryable, child: Exclude<PackChildOp, { sscc: string }>, lots: LotIds): Promise<UnitLine | null> {
  const found = await db.query<{ item_id: string; lot_id: string; expires_on: string | null; status: LotStatus }>(
    `SELECT i.id AS item_id, l.id AS lot_id, to_char(l.expires_on, 'YYYY-MM-DD') AS expires_on, l.status
       FROM lots l JOIN items i ON i.id = l.item_id WHERE i.gtin = $1 AND l.lot_number = $2`,
    [child.gtin, child.lotNumber],
  );
  const lot = found.rows[0];
  if (!lot) return null;
  lots.set(lotKeyOf(child.gtin, child.lotNumber), { itemId: lot.item_id, lotId: lot.lot_id });
  return { gtin: child.gtin, lotNumber: child.lotNumber, serial: child.serial ?? null, qty: child.qty, expiresOn: lot.expires_on, lotStatus: lot.status };
}

/**
 * A container issued as an SSCC but never packed, as the rules see it before its first child goes
 * in: the spec the handheld named. Nothing is written until the pack is allowed.
 */
async function newContainer(db: Queryable, sscc: string, spec: string | null | undefined): Promise<{ container: Container; specId: string } | ContainerOpResult> {
  const issued = await db.query('SELECT 1 FROM sscc_issued WHERE sscc = $1', [sscc]);
  if (issued.rows.length === 0) return refused('sscc_not_issued', 'parent', `Lotline did not issue SSCC ${sscc}: pack only into containers labelled here.`);
  if (!spec) return refused('spec_required', 'spec', `Container ${sscc} is new: name its packaging spec.`);
  const found = await db.query<{ id: string; level: ContainerLevel; child_levels: PackLevel[]; capacity: number; mix: PackagingSpec['mix'] }>(
    'SELECT id, level, child_levels, capacity, mix FROM packaging_specs WHERE name = $1',
    [spec],
  );
  const s = found.rows[0];
  if (!s) return refused('unknown_spec', 'spec', `Packaging spec ${spec} is not known.`);
  return { specId: s.id, container: { sscc, spec: { level: s.level, childLevels: s.child_levels, capacity: s.capacity, mix: s.mix }, parent: null, version: 0, shipped: false, units: [] } };
}

/**
 * Applies a pack or unpack op inside the push's transaction: a refusal names its code and field
 * and writes nothing; a child found in another container than the handheld saw becomes a
 * pack_conflict exception for the supervisor, and nothing moves.
 */
export async function applyContainerOp(db: Queryable, opId: string, op: { type: 'pack'; payload: PackOpPayload } | { type: 'unpack'; payload: UnpackOpPayload }): Promise<ContainerOpResult> {
  await db.query('SELECT pg_advisory_xact_lock($1)', [PACKING_LOCK]);
  const p = op.payload;
  const known = await db.query('SELECT 1 FROM containers WHERE sscc = $1', [p.parent]);
  let opened: { container: Container; specId: string } | null = null;
  if (known.rows.length === 0 && op.type === 'pack') {
    const made = await newContainer(db, p.parent, op.payload.spec);
    if ('status' in made) return made;
    opened = made;
  }
  const lots: LotIds = new Map();
  let child: PackChild;
  const seeds = [p.parent];
  if ('sscc' in p.child) {
    child = { kind: 'container', sscc: p.child.sscc };
    seeds.push(p.child.sscc);
  } else {
    const line = await unitLineOf(db, p.child, lots);
    if (!line) return refused('unknown_lot', 'child', `Lot ${p.child.lotNumber} of GTIN ${p.child.gtin} is not known.`);
    child = { kind: 'units', line };
    if (line.serial !== null) {
      const holder = await containerOfSerial(db, line.gtin, line.serial);
      if (holder) seeds.push(holder);
    }
  }
  const trees = await loadTrees(db, seeds);
  for (const [key, ids] of trees.lots) if (!lots.has(key)) lots.set(key, ids);
  if (opened) trees.hierarchy = new Map(trees.hierarchy).set(p.parent, opened.container);
  const packOp: PackOp = { action: op.type, parent: p.parent, child, seenParent: op.type === 'pack' ? op.payload.seenParent : p.parent };
  const verdict = judgePackOp(trees.hierarchy, packOp);
  if (verdict.verdict === 'refuse') return refused(verdict.refusal.code, verdict.refusal.field, verdict.refusal.message);
  if (verdict.verdict === 'conflict') {
    const lotId = child.kind === 'units' ? (lots.get(lotKeyOf(child.line.gtin, child.line.lotNumber))?.lotId ?? null) : null;
    return {
      status: 'exception',
      message: verdict.message,
      exception: {
        kind: 'pack_conflict',
        lotId,
        locationId: null,
        details: { message: verdict.message, child: childName(child), parent: p.parent, seenParent: verdict.seenParent, currentParent: verdict.currentParent, action: op.type },
      },
    };
  }
  const done = applyPackOp(trees.hierarchy, packOp);
  if (opened) await db.query('INSERT INTO containers (sscc, spec_id, created_by_op) VALUES ($1, $2, $3)', [p.parent, opened.specId, opId]);
  await saveChanges(db, trees.hierarchy, done.hierarchy, done.changed, lots, { opId, kind: op.type });
  const into = done.hierarchy.get(p.parent)!;
  return { status: 'applied', message: `${op.type === 'pack' ? 'packed' : 'unpacked'} ${childName(child)} ${op.type === 'pack' ? 'into' : 'from'} ${p.parent} (version ${into.version})` };
}
