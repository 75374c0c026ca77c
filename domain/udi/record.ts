/**
 * A device's UDI master record as the regulators ask for it: one Basic UDI-DI for the model
 * (EUDAMED's key, a GS1 GMN), a UDI-DI per package level (GUDID's and NMPA's key, a GTIN), the
 * production identifiers its label carries, and the attributes GUDID, EUDAMED (MDR Annex VI
 * Part B) and NMPA (YY/T 1752) ask of it.
 */

export const JURISDICTIONS = ['GUDID', 'EUDAMED', 'NMPA'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** One package level: the base unit first (contains null), each higher level containing one below. */
export interface UdiPackage {
  /** The UDI-DI: a GTIN-14 with its check digit. */
  udiDi: string;
  /** Devices in the base unit (GUDID "device count"), or packages of the level below. */
  quantity: number;
  /** The UDI-DI of the level this package holds; null for the base unit. */
  contains: string | null;
}

/** Which production identifiers (UDI-PI) the label carries. */
export interface ProductionIdentifiers {
  lot: boolean;
  serial: boolean;
  manufactureDate: boolean;
  expiry: boolean;
}

export const MRI_SAFETY = ['mr_safe', 'mr_conditional', 'mr_unsafe', 'not_labeled'] as const;
export type MriSafety = (typeof MRI_SAFETY)[number];

/** Commercial status; recalled and under a field safety corrective action are both reported. */
export const DEVICE_STATUSES = ['in_distribution', 'not_in_distribution', 'recalled', 'fsca'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

export const EU_RISK_CLASSES = ['I', 'IIa', 'IIb', 'III'] as const;
export const NMPA_CLASSES = ['I', 'II', 'III'] as const;

/** YY/T 1752 data of the NMPA UDI database. */
export interface NmpaAttributes {
  /** 管理类别 */
  classification: (typeof NMPA_CLASSES)[number] | null;
  /** 注册证编号 or 备案凭证编号 */
  registrationNumber: string | null;
  /** 产品名称 as registered */
  productName: string | null;
  /** 医疗器械注册人/备案人名称: the registrant or filer as on the certificate. */
  registrantName: string | null;
  /** 分类编码 of the 2017 classification catalogue, e.g. 14-01-02 */
  classificationCode: string | null;
}

/** EUDAMED's kind of Basic UDI-DI: a device on its own, or a system or procedure pack (MDR Art. 22). */
export const EUDAMED_DEVICE_TYPES = ['DEVICE', 'SYSTEM', 'PROCEDURE_PACK'] as const;
export type EudamedDeviceType = (typeof EUDAMED_DEVICE_TYPES)[number];

/**
 * The yes/no characteristics EUDAMED asks of a Basic UDI-DI (MDR Annex VI Part A section 2 and
 * the EUDAMED data dictionary). Null: not yet answered, which the pre-submission check lists.
 */
export interface EudamedBasicUdi {
  type: EudamedDeviceType | null;
  implantable: boolean | null;
  active: boolean | null;
  measuringFunction: boolean | null;
  /** A class I reusable surgical instrument (MDR Art. 52(7)(c), "class Ir"). */
  reusableSurgicalInstrument: boolean | null;
  /** Intended to administer and/or remove a medicinal product (MDR Annex VIII rule 12). */
  administeringMedicine: boolean | null;
  /** Incorporates a substance that, used separately, would be a medicinal product (ancillary). */
  medicinalProduct: boolean | null;
  /** Incorporates a substance that would be a medicinal product derived from human blood or plasma. */
  humanBloodProduct: boolean | null;
  humanTissuesCells: boolean | null;
  animalTissuesCells: boolean | null;
  /**
   * For an implantable class IIb device: whether it is a suture, staple, dental filling, brace,
   * crown, screw, wedge, plate, wire, pin, clip or connector (MDR Art. 52(4) exceptions). Null
   * where it does not apply.
   */
  iibImplantableException: boolean | null;
}

export interface UdiDeviceRecord {
  /** GS1 GMN (AI 8013) with its check pair. */
  basicUdiDi: string;
  packages: UdiPackage[];
  productionIdentifiers: ProductionIdentifiers;
  /** Proprietary, trade or brand name. */
  brandName: string;
  /** Version or model. */
  modelNumber: string;
  catalogNumber: string | null;
  description: string;
  descriptionZh: string | null;
  /** Clinically relevant size, as labelled (e.g. "Ø 3.0 mm × 12 mm"); null when it has none. */
  clinicalSize: string | null;
  gmdnCode: string | null;
  emdnCode: string | null;
  euRiskClass: (typeof EU_RISK_CLASSES)[number] | null;
  /** EUDAMED single registration number of the manufacturer, e.g. DE-MF-000012345. */
  manufacturerSrn: string | null;
  /** GUDID labeler DUNS number. */
  labelerDuns: string | null;
  nmpa: NmpaAttributes;
  sterile: boolean;
  sterilizationBeforeUse: boolean;
  singleUse: boolean;
  containsLatex: boolean;
  mriSafety: MriSafety;
  /** Storage and handling conditions as labelled. */
  storage: string | null;
  status: DeviceStatus;
  /** Absent from versions stored before EUDAMED's Basic UDI-DI flags were kept: all unanswered. */
  eudamed?: EudamedBasicUdi;
}

export const EUDAMED_FLAGS = [
  'type',
  'implantable',
  'active',
  'measuringFunction',
  'reusableSurgicalInstrument',
  'administeringMedicine',
  'medicinalProduct',
  'humanBloodProduct',
  'humanTissuesCells',
  'animalTissuesCells',
  'iibImplantableException',
] as const satisfies readonly (keyof EudamedBasicUdi)[];

export const NO_EUDAMED_FLAGS: EudamedBasicUdi = Object.fromEntries(EUDAMED_FLAGS.map((f) => [f, null])) as unknown as EudamedBasicUdi;

/** The record's EUDAMED flags, an older version's read as unanswered. */
export const eudamedFlagsOf = (record: UdiDeviceRecord): EudamedBasicUdi => ({ ...NO_EUDAMED_FLAGS, ...record.eudamed });

/**
 * The fields in the order people read them. Stored records come back from jsonb with their keys
 * reordered, so anything that lists fields (a diff) walks this list, not the object.
 */
export const RECORD_FIELDS = [
  'basicUdiDi',
  'packages',
  'productionIdentifiers',
  'brandName',
  'modelNumber',
  'catalogNumber',
  'description',
  'descriptionZh',
  'clinicalSize',
  'gmdnCode',
  'emdnCode',
  'euRiskClass',
  'manufacturerSrn',
  'labelerDuns',
  'nmpa',
  'sterile',
  'sterilizationBeforeUse',
  'singleUse',
  'containsLatex',
  'mriSafety',
  'storage',
  'status',
  'eudamed',
] as const satisfies readonly (keyof UdiDeviceRecord)[];
export const NESTED_FIELDS = {
  productionIdentifiers: ['lot', 'serial', 'manufactureDate', 'expiry'],
  nmpa: ['classification', 'registrationNumber', 'productName', 'registrantName', 'classificationCode'],
  eudamed: EUDAMED_FLAGS,
} as const satisfies {
  productionIdentifiers: readonly (keyof ProductionIdentifiers)[];
  nmpa: readonly (keyof NmpaAttributes)[];
  eudamed: readonly (keyof EudamedBasicUdi)[];
};

/** The base unit: the package that contains no other. */
export const baseUnit = (record: UdiDeviceRecord): UdiPackage | undefined => record.packages.find((p) => p.contains === null);
