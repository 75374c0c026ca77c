/** The master data kept under version control, by the table that holds each kind. */
export const MASTER_DATA_KINDS = ['items', 'locations', 'number_rules', 'customers', 'suppliers', 'packaging_specs'] as const;
export type MasterDataKind = (typeof MASTER_DATA_KINDS)[number];

export const isMasterDataKind = (value: string): value is MasterDataKind => (MASTER_DATA_KINDS as readonly string[]).includes(value);

/** The kind as the API names it in a path: /api/master-data/number-rules/... */
export const kindOfPath = (segment: string): MasterDataKind | null => {
  const kind = segment.replace(/-/g, '_');
  return segment.includes('_') || !isMasterDataKind(kind) ? null : kind;
};
export const pathOfKind = (kind: MasterDataKind): string => kind.replace(/_/g, '-');

/**
 * Fields whose change needs QC's electronic signature when it is made by hand (a restore),
 * because the label, the device identifier or the segregation of stock depends on them:
 *
 * - items: the GTIN and UDI-DI are the device identifier printed on every label (21 CFR 801.20,
 *   MDR Art. 27, NMPA UDI rules); `udi_attributes` holds the GUDID/NMPA fields whose change needs
 *   a new DI (brand, model, sterile, single use); `serialized`, the lot and serial number rules
 *   make the production identifier (UDI-PI); the shelf life sets the expiry printed on the label
 *   (21 CFR 820.120/130 labelling, ISO 13485 7.5.1). The name, SKU, unit, near-expiry alerts and
 *   cost are the warehouse's own and change freely.
 * - locations: the code is what labels carry and scans resolve, and the kind keeps quarantine
 *   apart (21 CFR 820.86 acceptance status, ISO 13485 7.5.8): turning a quarantine location into
 *   storage would release its stock without a QC decision. The name and active flag do not.
 * - number rules: every part that shapes a lot or serial number (kind, pattern, reset, site and
 *   line codes, check character) decides whether numbers stay unique and traceable (21 CFR
 *   820.65, UDI-PI); the rule's name is a label for people.
 * - packaging specs: level, what a level holds, capacity and lot mixing make the package
 *   quantity a UDI package DI declares (a GUDID/MDCG 2018-1 new-DI trigger) and whether a case
 *   label naming one lot tells the truth.
 * - customers and suppliers: none. Their addresses and GLNs matter to a recall's reach, but they
 *   are contact data kept current from the ERP, not specifications QC approves; the approved
 *   supplier list is not modelled in these columns.
 */
export const REGULATED_FIELDS: Readonly<Record<MasterDataKind, readonly string[]>> = {
  items: ['gtin', 'udi_di', 'udi_attributes', 'serialized', 'shelf_life_days', 'lot_rule_id', 'serial_rule_id'],
  locations: ['code', 'kind'],
  number_rules: ['kind', 'pattern', 'reset', 'site_code', 'line_code', 'check_char'],
  customers: [],
  suppliers: [],
  packaging_specs: ['level', 'child_levels', 'capacity', 'mix'],
};

/** Columns that move on every write and say nothing about the record: left out of diffs. */
export const BOOKKEEPING_FIELDS: readonly string[] = ['id', 'version', 'updated_at', 'created_at', 'change_xid'];

/**
 * Kept as they are by a restore: the external id links the record to the ERP's, and writing an
 * old one back would point the integration at a record it no longer means.
 */
export const KEPT_ON_RESTORE: readonly string[] = ['external_id'];

/** Columns no two records of a kind may share: a restore that would take one is refused. */
export const UNIQUE_FIELDS: Readonly<Record<MasterDataKind, readonly string[]>> = {
  items: ['gtin', 'sku'],
  locations: ['code'],
  number_rules: ['name'],
  customers: ['code'],
  suppliers: ['code'],
  packaging_specs: ['name'],
};

/** What a person calls one record of the kind, in messages. */
export const KIND_NOUN: Readonly<Record<MasterDataKind, string>> = {
  items: 'item',
  locations: 'location',
  number_rules: 'number rule',
  customers: 'customer',
  suppliers: 'supplier',
  packaging_specs: 'packaging spec',
};
