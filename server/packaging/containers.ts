import { unitChanges, type Container, type ContainerLevel, type Hierarchy, type PackLevel, type PackagingSpec, type UnitLine } from '../../domain/packaging';
import type { LotStatus } from '../../domain/lots';
import type { Queryable } from '../db';

/** Deeper than any real pallet: a walk stops here even over data that loops. */
const MAX_DEPTH = 16;

/** The database ids behind a unit line, so a changed container can be written back. */
export type LotIds = Map<string, { itemId: string; lotId: string }>;
export const lotKeyOf = (gtin: string, lotNumber: string) => `${gtin}/${lotNumber}`;

type Json = string | number | boolean | null;
type Tuples = Json[][];
// node-postgres parses json columns; PGlite may hand some back as text.
const tuples = (v: Tuples | string | null): Tuples => (v === null ? [] : typeof v === 'string' ? (JSON.parse(v) as Tuples) : v);

/**
 * The whole trees (from their outermost containers down) that hold any of these containers, in
 * one statement: both walks carry the columns they need, so nothing joins back to the whole
 * containers table, and units travel as JSON arrays per container naming their lot by its place
 * in the list of lots, sent once: a pallet holds thousands of serials of a few lots, and per-row
 * overhead and repeated ids were most of the cost.
 */
const TREES_SQL = `
WITH RECURSIVE up(sscc, parent_sscc, version, shipped, spec_id, depth) AS (
  SELECT sscc, parent_sscc, version, shipped_at IS NOT NULL, spec_id, 0 FROM containers WHERE sscc = ANY($1::text[])
  UNION ALL
  SELECT c.sscc, c.parent_sscc, c.version, c.shipped_at IS NOT NULL, c.spec_id, up.depth + 1 FROM containers c JOIN up ON c.sscc = up.parent_sscc WHERE up.depth < $2
), down(sscc, parent_sscc, version, shipped, spec_id, depth) AS (
  SELECT DISTINCT ON (sscc) sscc, parent_sscc, version, shipped, spec_id, 0 FROM up WHERE parent_sscc IS NULL OR depth = $2
  UNION ALL
  SELECT c.sscc, c.parent_sscc, c.version, c.shipped_at IS NOT NULL, c.spec_id, down.depth + 1 FROM containers c JOIN down ON c.parent_sscc = down.sscc WHERE down.depth < $2
), found AS MATERIALIZED (
  SELECT DISTINCT ON (sscc) sscc, parent_sscc, version, shipped, spec_id
    FROM (SELECT sscc, parent_sscc, version, shipped, spec_id FROM down UNION ALL SELECT sscc, parent_sscc, version, shipped, spec_id FROM up) f
), units AS MATERIALIZED (
  SELECT cu.id, cu.sscc, cu.lot_id, cu.serial, cu.qty FROM found f JOIN container_units cu ON cu.sscc = f.sscc
), lot_set AS MATERIALIZED (
  SELECT lot_id, (row_number() OVER (ORDER BY lot_id))::int - 1 AS n FROM (SELECT DISTINCT lot_id FROM units) d
)
SELECT
  (SELECT json_agg(json_build_array(f.sscc, f.parent_sscc, f.version, f.shipped, s.level, s.child_levels, s.capacity, s.mix))
     FROM found f JOIN packaging_specs s ON s.id = f.spec_id) AS containers,
  (SELECT json_agg(json_build_array(u.sscc, u.units)) FROM (
     SELECT un.sscc, json_agg(json_build_array(ls.n, un.serial, un.qty) ORDER BY un.id) AS units FROM units un JOIN lot_set ls ON ls.lot_id = un.lot_id GROUP BY un.sscc) u) AS units,
  (SELECT json_agg(json_build_array(l.id, l.item_id, i.gtin, l.lot_number, to_char(l.expires_on, 'YYYY-MM-DD'), l.status) ORDER BY ls.n)
     FROM lot_set ls JOIN lots l ON l.id = ls.lot_id JOIN items i ON i.id = l.item_id) AS lots`;

export async function loadTrees(db: Queryable, ssccs: readonly string[]): Promise<{ hierarchy: Hierarchy; lots: LotIds }> {
  const result = await db.query<{ containers: Tuples | string | null; units: Tuples | string | null; lots: Tuples | string | null }>(TREES_SQL, [ssccs, MAX_DEPTH]);
  const row = result.rows[0]!;
  const lots: LotIds = new Map();
  const lotAt: { gtin: string; lotNumber: string; expiresOn: string | null; status: LotStatus }[] = [];
  for (const [id, itemId, gtin, lotNumber, expiresOn, status] of tuples(row.lots)) {
    lotAt.push({ gtin: String(gtin), lotNumber: String(lotNumber), expiresOn: expiresOn === null ? null : String(expiresOn), status: status as LotStatus });
    lots.set(lotKeyOf(String(gtin), String(lotNumber)), { itemId: String(itemId), lotId: String(id) });
  }
  const unitsBySscc = new Map<string, UnitLine[]>();
  for (const [sscc, held] of tuples(row.units)) {
    const lines = (held as unknown as [number, string | null, number | string][]).map(([n, serial, qty]): UnitLine => {
      const lot = lotAt[n]!;
      return { gtin: lot.gtin, lotNumber: lot.lotNumber, serial, qty: Number(qty), expiresOn: lot.expiresOn, lotStatus: lot.status };
    });
    unitsBySscc.set(String(sscc), lines);
  }
  const hierarchy = new Map<string, Container>();
  for (const [sscc, parent, version, shipped, level, childLevels, capacity, mix] of tuples(row.containers)) {
    const spec: PackagingSpec = { level: level as ContainerLevel, childLevels: childLevels as unknown as PackLevel[], capacity: Number(capacity), mix: mix as PackagingSpec['mix'] };
    const key = String(sscc);
    hierarchy.set(key, { sscc: key, spec, parent: parent === null ? null : String(parent), version: Number(version), shipped: shipped === true, units: unitsBySscc.get(key) ?? [] });
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
  const ids = (u: UnitLine) => {
    const found = lots.get(lotKeyOf(u.gtin, u.lotNumber));
    if (!found) throw new Error(`lot ${u.lotNumber} of ${u.gtin} was not loaded`);
    return found;
  };
  const removed: { sscc: string; item_id: string; lot_id: string; serial: string | null }[] = [];
  const added: { sscc: string; item_id: string; lot_id: string; serial: string | null; qty: number }[] = [];
  for (const sscc of changed) {
    const diff = unitChanges(before.get(sscc)?.units ?? [], after.get(sscc)!.units);
    for (const u of diff.removed) removed.push({ sscc, item_id: ids(u).itemId, lot_id: ids(u).lotId, serial: u.serial });
    for (const u of diff.added) added.push({ sscc, item_id: ids(u).itemId, lot_id: ids(u).lotId, serial: u.serial, qty: u.qty });
  }
  if (removed.length > 0) {
    await db.query(
      `DELETE FROM container_units cu USING jsonb_to_recordset($1::jsonb) AS r(sscc text, item_id uuid, lot_id uuid, serial text)
        WHERE cu.sscc = r.sscc AND cu.lot_id = r.lot_id AND cu.item_id = r.item_id AND cu.serial IS NOT DISTINCT FROM r.serial`,
      [JSON.stringify(removed)],
    );
  }
  if (added.length > 0) {
    await db.query(
      `INSERT INTO container_units (sscc, item_id, lot_id, serial, qty)
       SELECT sscc, item_id, lot_id, serial, qty FROM jsonb_to_recordset($1::jsonb) AS r(sscc text, item_id uuid, lot_id uuid, serial text, qty numeric)`,
      [JSON.stringify(added)],
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
