/**
 * The CBV 2.0 standard vocabularies an EPCIS 2.0 JSON document may write as bare strings, with the
 * web URI prefix each expands to (the terms as GS1's EPCIS JSON schema lists them).
 */
export const BIZ_STEPS = [
  'accepting', 'arriving', 'assembling', 'collecting', 'commissioning', 'consigning', 'creating_class_instance', 'cycle_counting',
  'decommissioning', 'departing', 'destroying', 'disassembling', 'dispensing', 'encoding', 'entering_exiting', 'holding', 'inspecting',
  'installing', 'killing', 'loading', 'other', 'packing', 'picking', 'receiving', 'removing', 'repackaging', 'repairing', 'replacing',
  'reserving', 'retail_selling', 'shipping', 'staging_outbound', 'stock_taking', 'stocking', 'storing', 'transporting', 'unloading',
  'unpacking', 'void_shipping', 'sensor_reporting', 'sampling',
] as const;
export type BizStep = (typeof BIZ_STEPS)[number];

export const DISPOSITIONS = [
  'active', 'container_closed', 'damaged', 'destroyed', 'dispensed', 'disposed', 'encoded', 'expired', 'in_progress', 'in_transit',
  'inactive', 'no_pedigree_match', 'non_sellable_other', 'partially_dispensed', 'recalled', 'reserved', 'retail_sold', 'returned',
  'sellable_accessible', 'sellable_not_accessible', 'stolen', 'unknown', 'available', 'completeness_verified', 'completeness_inferred',
  'conformant', 'container_open', 'mismatch_instance', 'mismatch_class', 'mismatch_quantity', 'needs_replacement', 'non_conformant',
  'unavailable',
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const BIZ_TRANSACTION_TYPES = ['bol', 'cert', 'desadv', 'inv', 'pedigree', 'po', 'poc', 'prodorder', 'recadv', 'rma', 'testprd', 'testres', 'upevt'] as const;
export const SOURCE_DEST_TYPES = ['owning_party', 'possessing_party', 'location'] as const;
export const ERROR_REASONS = ['did_not_occur', 'incorrect_data'] as const;

const CBV = 'https://ref.gs1.org/cbv/';

/** The vocabularies by the event field that holds them, with the prefix of their web URIs. */
export const VOCABULARY_FIELDS: Readonly<Record<string, { prefix: string; terms: readonly string[] }>> = {
  bizStep: { prefix: `${CBV}BizStep-`, terms: BIZ_STEPS },
  disposition: { prefix: `${CBV}Disp-`, terms: DISPOSITIONS },
  set: { prefix: `${CBV}Disp-`, terms: DISPOSITIONS },
  unset: { prefix: `${CBV}Disp-`, terms: DISPOSITIONS },
  bizTransactionType: { prefix: `${CBV}BTT-`, terms: BIZ_TRANSACTION_TYPES },
  sourceDestType: { prefix: `${CBV}SDT-`, terms: SOURCE_DEST_TYPES },
  reason: { prefix: `${CBV}ER-`, terms: ERROR_REASONS },
};

/** Older URN spellings of the same terms, rewritten to the web URIs before hashing. */
export const CBV_URN_PREFIXES: readonly (readonly [string, string])[] = [
  ['urn:epcglobal:cbv:bizstep:', `${CBV}BizStep-`],
  ['urn:epcglobal:cbv:disp:', `${CBV}Disp-`],
  ['urn:epcglobal:cbv:btt:', `${CBV}BTT-`],
  ['urn:epcglobal:cbv:sdt:', `${CBV}SDT-`],
  ['urn:epcglobal:cbv:er:', `${CBV}ER-`],
];

export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
/** The master data attribute namespace of ILMD fields (cbvmda:lotNumber, cbvmda:itemExpirationDate). */
export const CBVMDA = 'urn:epcglobal:cbv:mda:';
/**
 * The @context Lotline writes: the standard one, plus cbvmda spelled out (so every reader, the
 * event hash included, expands the ILMD keys alike) and Lotline's namespace for its extension.
 */
export const LOTLINE_CONTEXT: readonly (string | Record<string, string>)[] = [EPCIS_CONTEXT, { cbvmda: CBVMDA }, { lotline: 'urn:lotline:epcis:' }];
