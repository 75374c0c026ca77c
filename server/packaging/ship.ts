import { ancestors, descendants, unitsWithin } from '../../domain/packaging';
import type { ShipOp } from '../../domain/ops';
import type { Queryable } from '../db';
import { loadTrees } from './containers';

export type ShipRefusal = { code: string; field: string; message: string };

/**
 * A ship op that names cases or pallets, with every unit inside them as lines of its own, read
 * from the server's records. Refused, writing nothing, when a container was never packed, has
 * shipped already, or sits inside another one (ship the outer one, or unpack it first).
 */
export async function containerLines(db: Queryable, payload: ShipOp): Promise<{ ok: true; payload: ShipOp } | { ok: false; refusal: ShipRefusal }> {
  const named = payload.containers ?? [];
  if (named.length === 0) return { ok: true, payload };
  const { hierarchy } = await loadTrees(
    db,
    named.map((c) => c.sscc),
  );
  const lines = [...payload.lines];
  const seen = new Set<string>();
  for (const [i, { sscc, fromLocationCode }] of named.entries()) {
    const field = `containers.${i}.sscc`;
    const container = hierarchy.get(sscc);
    if (!container) return { ok: false, refusal: { code: 'unknown_container', field, message: `Nothing was packed under SSCC ${sscc}.` } };
    if (container.shipped) return { ok: false, refusal: { code: 'container_shipped', field, message: `Container ${sscc} has shipped already.` } };
    if (container.parent !== null) return { ok: false, refusal: { code: 'container_inside', field, message: `Container ${sscc} is inside ${container.parent}: ship ${ancestors(hierarchy, sscc).at(-1)} or unpack it first.` } };
    if (seen.has(sscc)) return { ok: false, refusal: { code: 'container_twice', field, message: `Container ${sscc} is named twice.` } };
    seen.add(sscc);
    for (const u of unitsWithin(hierarchy, sscc)) lines.push({ gtin: u.gtin, lotNumber: u.lotNumber, qty: u.qty, serial: u.serial, fromLocationCode });
  }
  if (lines.length === 0) return { ok: false, refusal: { code: 'containers_empty', field: 'containers', message: 'The containers hold nothing to ship.' } };
  return { ok: true, payload: { ...payload, lines } };
}

/**
 * Marks shipped containers and everything inside them as shipped by the op: nothing goes in or
 * comes out after, and each gets a version recording what it held when it left.
 */
export async function markShipped(db: Queryable, opId: string, ssccs: readonly string[]): Promise<void> {
  if (ssccs.length === 0) return;
  const { hierarchy } = await loadTrees(db, ssccs);
  const all = ssccs.flatMap((s) => [s, ...descendants(hierarchy, s).map((c) => c.sscc)]);
  const rows = all.map((sscc) => {
    const c = hierarchy.get(sscc)!;
    const contents = {
      containers: [...hierarchy.values()].filter((x) => x.parent === sscc).map((x) => x.sscc).sort(),
      units: c.units.map(({ gtin, lotNumber, serial, qty }) => ({ gtin, lotNumber, serial, qty })),
    };
    return { sscc, version: c.version + 1, parent: c.parent, contents };
  });
  await db.query(
    `UPDATE containers c SET shipped_at = now(), shipped_by_op = $2, version = r.version, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS r(sscc text, version int) WHERE c.sscc = r.sscc`,
    [JSON.stringify(rows), opId],
  );
  await db.query(
    `INSERT INTO container_versions (sscc, version, op_id, change, parent_sscc, contents)
     SELECT r.sscc, r.version, $2::uuid, 'ship', r.parent, r.contents FROM jsonb_to_recordset($1::jsonb) AS r(sscc text, version int, parent text, contents jsonb)`,
    [JSON.stringify(rows), opId],
  );
}
