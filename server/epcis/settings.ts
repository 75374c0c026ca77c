import { appendAudit, type Actor } from '../audit';
import type { Db, Queryable } from '../db';

/** How the plant's identifiers are written in EPCIS: the company prefix length and the plant's GLN. */
export interface EpcisSettingsView {
  companyPrefixLength: number;
  plantGln: string | null;
}

export async function readEpcisSettings(db: Queryable): Promise<EpcisSettingsView> {
  const row = (await db.query<{ company_prefix_length: number; plant_gln: string | null }>('SELECT company_prefix_length, plant_gln FROM epcis_settings')).rows[0]!;
  return { companyPrefixLength: row.company_prefix_length, plantGln: row.plant_gln };
}

/** Changes them under audit: every event id written afterwards follows (the ids are hashes of the content). */
export async function updateEpcisSettings(db: Db, actor: Actor, next: EpcisSettingsView): Promise<EpcisSettingsView> {
  return db.transaction(async (tx) => {
    const before = await readEpcisSettings(tx);
    await tx.query('UPDATE epcis_settings SET company_prefix_length = $1, plant_gln = $2, updated_at = now()', [next.companyPrefixLength, next.plantGln]);
    const after = await readEpcisSettings(tx);
    await appendAudit(tx, actor, [{ action: 'epcis.settings', entityType: 'epcis_settings', entityId: 'plant', before, after }]);
    return after;
  });
}
