import { containerTree, rollUp, type ContainerTree, type RollUpLine } from '../../domain/packaging';
import type { Queryable } from '../db';
import { loadTrees } from './containers';

export interface ContainerContents {
  sscc: string;
  /** loose: in no container; packed: inside another; shipped. */
  status: 'loose' | 'packed' | 'shipped';
  parent: string | null;
  /** The containers above it, nearest first. */
  path: string[];
  spec: string;
  version: number;
  shippedAt: string | null;
  shipTo: { code: string; name: string } | null;
  tree: ContainerTree;
  rollUp: RollUpLine[];
}

/**
 * What a scanned SSCC is and holds: its status and where it went, the tree below it, and what
 * it holds by item and lot with the earliest expiry and what inside is held. Null when nothing
 * was ever packed under that SSCC.
 */
export async function containerContents(db: Queryable, sscc: string): Promise<ContainerContents | null> {
  const head = await db.query<{ spec: string; shipped_at: string | null; ship_to_code: string | null; ship_to_name: string | null }>(
    `SELECT s.name AS spec, c.shipped_at, cu.code AS ship_to_code, cu.name AS ship_to_name
       FROM containers c JOIN packaging_specs s ON s.id = c.spec_id
       LEFT JOIN ops o ON o.id = c.shipped_by_op
       LEFT JOIN customers cu ON cu.code = o.payload->>'customerCode'
      WHERE c.sscc = $1`,
    [sscc],
  );
  const row = head.rows[0];
  if (!row) return null;
  const { hierarchy } = await loadTrees(db, [sscc]);
  const self = hierarchy.get(sscc)!;
  const path: string[] = [];
  for (let at = self.parent; at !== null && !path.includes(at); at = hierarchy.get(at)?.parent ?? null) path.push(at);
  return {
    sscc,
    status: self.shipped ? 'shipped' : self.parent ? 'packed' : 'loose',
    parent: self.parent,
    path,
    spec: row.spec,
    version: self.version,
    shippedAt: row.shipped_at === null ? null : new Date(row.shipped_at).toISOString(),
    shipTo: row.ship_to_code ? { code: row.ship_to_code, name: row.ship_to_name ?? row.ship_to_code } : null,
    tree: containerTree(hierarchy, sscc)!,
    rollUp: rollUp(hierarchy, sscc),
  };
}
