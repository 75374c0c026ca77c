import type { Container, ContainerLevel, Hierarchy, PackLevel, PackagingSpec, UnitLine } from '../../domain/packaging';
import type { LotStatus } from '../../domain/lots';
import type { Queryable } from '../db';

/** Deeper than any real pallet: a walk stops here even over data that loops. */
const MAX_DEPTH = 16;

interface ContainerRow {
  sscc: string;
  parent_sscc: string | null;
  version: number;
  shipped: boolean;
  level: ContainerLevel;
  child_levels: PackLevel[];
  capacity: number;
  mix: PackagingSpec['mix'];
}

interface UnitRow {
  sscc: string;
  item_id: string;
  lot_id: string;
  gtin: string;
  lot_number: string;
  serial: string | null;
  qty: string;
  expires_on: string | null;
  status: LotStatus;
}

/** The database ids behind a unit line, so a changed container can be written back. */
export type LotIds = Map<string, { itemId: string; lotId: string }>;
export const lotKeyOf = (gtin: string, lotNumber: string) => `${gtin}/${lotNumber}`;

/**
 * The whole trees (from their outermost container down) that hold any of these containers:
 * what the packing rules need to see, as the domain's hierarchy, with the lot ids of its units.
 */
export async function loadTrees(db: Queryable, ssccs: readonly string[]): Promise<{ hierarchy: Hierarchy; lots: LotIds }> {
  const containers = await db.query<ContainerRow>(
    `WITH RECURSIVE up(sscc, parent_sscc, depth) AS (
       SELECT sscc, parent_sscc, 0 FROM containers WHERE sscc = ANY($1::text[])
       UNION ALL
       SELECT c.sscc, c.parent_sscc, up.depth + 1 FROM containers c JOIN up ON c.sscc = up.parent_sscc WHERE up.depth < $2
     ), tops AS (
       SELECT DISTINCT sscc FROM up WHERE parent_sscc IS NULL OR depth = $2
     ), down(sscc, depth) AS (
       SELECT sscc, 0 FROM tops
       UNION ALL
       SELECT c.sscc, down.depth + 1 FROM containers c JOIN down ON c.parent_sscc = down.sscc WHERE down.depth < $2
     )
     SELECT c.sscc, c.parent_sscc, c.version, c.shipped_at IS NOT NULL AS shipped, s.level, s.child_levels, s.capacity, s.mix
       FROM containers c JOIN packaging_specs s ON s.id = c.spec_id
      WHERE c.sscc IN (SELECT sscc FROM down UNION SELECT sscc FROM up)`,
    [ssccs, MAX_DEPTH],
  );
  const found = containers.rows.map((r) => r.sscc);
  const units = await db.query<UnitRow>(
    `SELECT cu.sscc, cu.item_id, cu.lot_id, i.gtin, l.lot_number, cu.serial, cu.qty::text AS qty, to_char(l.expires_on, 'YYYY-MM-DD') AS expires_on, l.status
       FROM container_units cu JOIN lots l ON l.id = cu.lot_id JOIN items i ON i.id = cu.item_id
      WHERE cu.sscc = ANY($1::text[]) ORDER BY cu.id`,
    [found],
  );
  const lots: LotIds = new Map();
  const unitsBySscc = new Map<string, UnitLine[]>();
  for (const u of units.rows) {
    lots.set(lotKeyOf(u.gtin, u.lot_number), { itemId: u.item_id, lotId: u.lot_id });
    const line: UnitLine = { gtin: u.gtin, lotNumber: u.lot_number, serial: u.serial, qty: Number(u.qty), expiresOn: u.expires_on, lotStatus: u.status };
    unitsBySscc.set(u.sscc, [...(unitsBySscc.get(u.sscc) ?? []), line]);
  }
  const hierarchy = new Map<string, Container>();
  for (const r of containers.rows) {
    const spec: PackagingSpec = { level: r.level, childLevels: r.child_levels, capacity: r.capacity, mix: r.mix };
    hierarchy.set(r.sscc, { sscc: r.sscc, spec, parent: r.parent_sscc, version: r.version, shipped: r.shipped, units: unitsBySscc.get(r.sscc) ?? [] });
  }
  return { hierarchy, lots };
}

/** The container a serialized unit of an item sits in, if any. */
export async function containerOfSerial(db: Queryable, gtin: string, serial: string): Promise<string | null> {
  const found = await db.query<{ sscc: string }>(
    `SELECT cu.sscc FROM container_units cu JOIN items i ON i.id = cu.item_id WHERE i.gtin = $1 AND cu.serial = $2`,
    [gtin, serial],
  );
  return found.rows[0]?.sscc ?? null;
}

/** What a container holds directly, as its version row keeps it. */
function contentsOf(hierarchy: Hierarchy, sscc: string) {
  const self = hierarchy.get(sscc)!;
  return {
    containers: [...hierarchy.values()].filter((c) => c.parent === sscc).map((c) => c.sscc).sort(),
    units: self.units.map(({ gtin, lotNumber, serial, qty }) => ({ gtin, lotNumber, serial, qty })),
  };
}

/**
 * Writes back what an op changed: every container whose parent moved, and the units and a new
 * version row of each container whose contents changed.
 */
export async function saveChanges(
  db: Queryable,
  before: Hierarchy,
  after: Hierarchy,
  changed: readonly string[],
  lots: LotIds,
  change: { opId: string | null; kind: 'pack' | 'unpack' | 'ship' },
): Promise<void> {
  const moved = [...after.values()].filter((c) => before.get(c.sscc)?.parent !== c.parent);
  if (moved.length > 0) {
    await db.query(
      `UPDATE containers c SET parent_sscc = m.parent, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS m(sscc text, parent text) WHERE c.sscc = m.sscc`,
      [JSON.stringify(moved.map((c) => ({ sscc: c.sscc, parent: c.parent })))],
    );
  }
  if (changed.length === 0) return;
  await db.query('DELETE FROM container_units WHERE sscc = ANY($1::text[])', [changed]);
  const rows = changed.flatMap((sscc) =>
    after.get(sscc)!.units.map((u) => {
      const ids = lots.get(lotKeyOf(u.gtin, u.lotNumber));
      if (!ids) throw new Error(`lot ${u.lotNumber} of ${u.gtin} was not loaded`);
      return { sscc, item_id: ids.itemId, lot_id: ids.lotId, serial: u.serial, qty: u.qty };
    }),
  );
  if (rows.length > 0) {
    await db.query(
      `INSERT INTO container_units (sscc, item_id, lot_id, serial, qty)
       SELECT sscc, item_id, lot_id, serial, qty FROM jsonb_to_recordset($1::jsonb) AS r(sscc text, item_id uuid, lot_id uuid, serial text, qty numeric)`,
      [JSON.stringify(rows)],
    );
  }
  const versions = changed.map((sscc) => {
    const c = after.get(sscc)!;
    return { sscc, version: c.version, parent: c.parent, contents: contentsOf(after, sscc) };
  });
  await db.query(
    `UPDATE containers c SET version = v.version, updated_at = now() FROM jsonb_to_recordset($1::jsonb) AS v(sscc text, version int) WHERE c.sscc = v.sscc`,
    [JSON.stringify(versions)],
  );
  await db.query(
    `INSERT INTO container_versions (sscc, version, op_id, change, parent_sscc, contents)
     SELECT v.sscc, v.version, $2::uuid, $3, v.parent, v.contents FROM jsonb_to_recordset($1::jsonb) AS v(sscc text, version int, parent text, contents jsonb)`,
    [JSON.stringify(versions), change.opId, change.kind],
  );
}
