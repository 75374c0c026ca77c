import { isValidGtin } from '../gs1/check-digit';
import { checkGmn } from './gmn';
import { eudamedFlagsOf, type EudamedBasicUdi, type Jurisdiction, type UdiDeviceRecord } from './record';

/** One thing a regulator's database would refuse, found before submitting. */
export interface SubmissionProblem {
  jurisdiction: Jurisdiction;
  /** The package level it concerns, or null for the device as a whole. */
  udiDi: string | null;
  field: string;
  problem: 'missing' | 'invalid';
  message: string;
}

type Found = Omit<SubmissionProblem, 'jurisdiction'>;

const missing = (field: string, what: string, udiDi: string | null = null): Found => ({
  udiDi,
  field,
  problem: 'missing',
  message: `${what} is required`,
});
const invalid = (field: string, message: string, udiDi: string | null = null): Found => ({ udiDi, field, problem: 'invalid', message });
const blank = (text: string | null): boolean => text === null || text.trim() === '';

/** GMDN term codes are numeric, up to five digits. */
const GMDN_CODE = /^\d{1,5}$/;
/** EMDN codes: a category letter, then two digits per level. */
const EMDN_CODE = /^[A-Z](\d{2}){0,6}$/;
const DUNS = /^\d{9}$/;
const ACTOR_SRN = /^[A-Z]{2}-MF-\d{9}$/;
/** 分类编码: subdirectory, first- and second-level product category. */
const NMPA_CATEGORY = /^\d{2}-\d{2}(-\d{2})?$/;
/** 国/省/市械注准/进/许 (registration) or 械备 (filing) followed by the year and serial. */
const NMPA_REGISTRATION = /械(注[准进许]|备)\d{8,}/;

/** What every regulator needs of the package levels: valid GTINs, one base, a containment chain. */
function packageProblems(record: UdiDeviceRecord): Found[] {
  const found: Found[] = [];
  if (record.packages.length === 0) return [missing('packages', 'at least the base unit with its UDI-DI')];
  const dis = new Set<string>();
  for (const p of record.packages) {
    const where = `packages[${p.udiDi}]`;
    if (!/^\d{14}$/.test(p.udiDi) || !isValidGtin(p.udiDi)) found.push(invalid(`${where}.udiDi`, `${p.udiDi} is not a GTIN-14 with its check digit`, p.udiDi));
    if (dis.has(p.udiDi)) found.push(invalid(`${where}.udiDi`, `${p.udiDi} is given for two package levels`, p.udiDi));
    dis.add(p.udiDi);
    if (!Number.isInteger(p.quantity) || p.quantity < 1) found.push(invalid(`${where}.quantity`, 'the quantity is a whole number of 1 or more', p.udiDi));
  }
  const bases = record.packages.filter((p) => p.contains === null);
  if (bases.length !== 1) found.push(invalid('packages', `a record has exactly one base unit (a level containing no other), not ${bases.length}`));
  for (const p of record.packages) {
    if (p.contains !== null && !dis.has(p.contains)) found.push(invalid(`packages[${p.udiDi}].contains`, `${p.contains} is not a package level of this device`, p.udiDi));
    if (p.contains === p.udiDi) found.push(invalid(`packages[${p.udiDi}].contains`, 'a package cannot contain itself', p.udiDi));
  }
  return found;
}

function gudid(record: UdiDeviceRecord): Found[] {
  const found: Found[] = [];
  if (blank(record.brandName)) found.push(missing('brandName', 'the brand name'));
  if (blank(record.modelNumber)) found.push(missing('modelNumber', 'the version or model'));
  if (blank(record.description)) found.push(missing('description', 'the device description'));
  if (record.gmdnCode === null) found.push(missing('gmdnCode', 'the GMDN preferred term code'));
  else if (!GMDN_CODE.test(record.gmdnCode)) found.push(invalid('gmdnCode', `${record.gmdnCode} is not a GMDN code (up to five digits)`));
  if (record.labelerDuns === null) found.push(missing('labelerDuns', "the labeler's DUNS number"));
  else if (!DUNS.test(record.labelerDuns)) found.push(invalid('labelerDuns', `${record.labelerDuns} is not a DUNS number (nine digits)`));
  const pi = record.productionIdentifiers;
  if (!pi.lot && !pi.serial && !pi.manufactureDate && !pi.expiry)
    found.push(missing('productionIdentifiers', 'at least one production identifier on the label (lot, serial, manufacture date or expiry)'));
  return found;
}

/**
 * MDR Annex VI Part B, the UDI-DI data EUDAMED takes; each message names its item so the
 * regulatory team can find it in the regulation.
 */
function eudamed(record: UdiDeviceRecord): Found[] {
  const found: Found[] = [];
  const gmn = checkGmn(record.basicUdiDi);
  if (!gmn.ok) found.push(invalid('basicUdiDi', `${record.basicUdiDi} is not a GS1 GMN (Annex VI Part B 2, Basic UDI-DI): ${gmn.message}`));
  const pi = record.productionIdentifiers;
  if (!pi.lot && !pi.serial && !pi.manufactureDate && !pi.expiry) found.push(missing('productionIdentifiers', 'the type of UDI-PI (Annex VI Part B 3): at least one of lot, serial, manufacture date, expiry'));
  if (record.manufacturerSrn === null) found.push(missing('manufacturerSrn', "the manufacturer's single registration number (Annex VI Part B 6)"));
  else if (!ACTOR_SRN.test(record.manufacturerSrn)) found.push(invalid('manufacturerSrn', `${record.manufacturerSrn} is not a manufacturer SRN (CC-MF-000000000, Annex VI Part B 6)`));
  if (record.emdnCode === null) found.push(missing('emdnCode', 'the EMDN code (Annex VI Part B 8, medical device nomenclature)'));
  else if (!EMDN_CODE.test(record.emdnCode)) found.push(invalid('emdnCode', `${record.emdnCode} is not an EMDN code (a letter and pairs of digits, Annex VI Part B 8)`));
  if (record.euRiskClass === null) found.push(missing('euRiskClass', 'the MDR risk class (Annex VI Part B 9)'));
  if (blank(record.brandName)) found.push(missing('brandName', 'the name or trade name (Annex VI Part B 10)'));
  if (blank(record.modelNumber)) found.push(missing('modelNumber', 'the device model, reference or catalogue number (Annex VI Part B 11)'));
  return [...found, ...eudamedFlags(record)];
}

/** What each Basic UDI-DI characteristic asks, in the words of EUDAMED's form. */
const FLAG_QUESTIONS: Readonly<Record<Exclude<keyof EudamedBasicUdi, 'iibImplantableException'>, string>> = {
  type: 'the kind of Basic UDI-DI (device, system or procedure pack)',
  implantable: 'whether the device is implantable',
  active: 'whether the device is active',
  measuringFunction: 'whether the device has a measuring function',
  reusableSurgicalInstrument: 'whether the device is a reusable surgical instrument',
  administeringMedicine: 'whether the device is intended to administer and/or remove a medicinal product',
  medicinalProduct: 'whether the device incorporates a medicinal substance (Annex VI Part A 2, ancillary medicinal product)',
  humanBloodProduct: 'whether the device incorporates a medicinal substance derived from human blood or plasma (Annex VI Part A 2)',
  humanTissuesCells: 'whether the device contains human tissues or cells, or their derivatives (Annex VI Part A 2)',
  animalTissuesCells: 'whether the device contains animal tissues or cells, or their derivatives (Annex VI Part A 2)',
};

/**
 * The Basic UDI-DI characteristics EUDAMED asks yes or no; each must be answered. Only what the
 * MDR itself ties together is checked beyond presence: the Art. 52(4) question for an
 * implantable class IIb device, and a reusable surgical instrument being class I (Art. 52(7)(c)).
 */
function eudamedFlags(record: UdiDeviceRecord): Found[] {
  const flags = eudamedFlagsOf(record);
  const found: Found[] = [];
  for (const [field, question] of Object.entries(FLAG_QUESTIONS) as [keyof typeof FLAG_QUESTIONS, string][]) if (flags[field] === null) found.push(missing(`eudamed.${field}`, question));
  const iibImplant = record.euRiskClass === 'IIb' && flags.implantable === true;
  if (iibImplant && flags.iibImplantableException === null)
    found.push(missing('eudamed.iibImplantableException', 'for an implantable class IIb device, whether it is a suture, staple, dental filling, brace, crown, screw, wedge, plate, wire, pin, clip or connector (MDR Art. 52(4))'));
  if (!iibImplant && flags.iibImplantableException !== null) found.push(invalid('eudamed.iibImplantableException', 'applies only to an implantable class IIb device (MDR Art. 52(4)): leave it unanswered'));
  if (flags.reusableSurgicalInstrument === true && record.euRiskClass !== null && record.euRiskClass !== 'I')
    found.push(invalid('eudamed.reusableSurgicalInstrument', `a reusable surgical instrument is class I (MDR Art. 52(7)(c)), not class ${record.euRiskClass}`));
  return found;
}

function nmpa(record: UdiDeviceRecord): Found[] {
  const found: Found[] = [];
  const n = record.nmpa;
  if (n.classification === null) found.push(missing('nmpa.classification', 'the NMPA management class (管理类别)'));
  if (n.registrationNumber === null) found.push(missing('nmpa.registrationNumber', 'the registration certificate or filing number (注册证编号/备案凭证编号)'));
  else if (!NMPA_REGISTRATION.test(n.registrationNumber)) found.push(invalid('nmpa.registrationNumber', `${n.registrationNumber} is not an NMPA registration or filing number`));
  else if (n.classification === 'I' ? !n.registrationNumber.includes('械备') : n.registrationNumber.includes('械备'))
    found.push(invalid('nmpa.registrationNumber', `class ${n.classification} devices carry a ${n.classification === 'I' ? 'filing (械备)' : 'registration (械注)'} number`));
  if (blank(n.productName)) found.push(missing('nmpa.productName', 'the registered product name (产品名称)'));
  if (blank(n.registrantName)) found.push(missing('nmpa.registrantName', 'the registrant or filer (注册人/备案人名称)'));
  if (n.classificationCode === null) found.push(missing('nmpa.classificationCode', 'the classification code (分类编码)'));
  else if (!NMPA_CATEGORY.test(n.classificationCode)) found.push(invalid('nmpa.classificationCode', `${n.classificationCode} is not a 分类编码 (e.g. 14-01-02)`));
  if (blank(record.modelNumber)) found.push(missing('modelNumber', 'the specification or model (规格型号)'));
  if (blank(record.descriptionZh)) found.push(missing('descriptionZh', 'the product description in Chinese (产品描述)'));
  return found;
}

/**
 * What makes a record incoherent whatever the regulator: malformed identifiers and a package
 * hierarchy that does not hold together. A draft with these is not saved.
 */
export function recordShapeProblems(record: UdiDeviceRecord): Found[] {
  const gmn = checkGmn(record.basicUdiDi);
  return [...(gmn.ok ? [] : [invalid('basicUdiDi', `${record.basicUdiDi} is not a GS1 GMN: ${gmn.message}`)]), ...packageProblems(record)];
}

const BY_JURISDICTION: Readonly<Record<Jurisdiction, (record: UdiDeviceRecord) => Found[]>> = { GUDID: gudid, EUDAMED: eudamed, NMPA: nmpa };

/**
 * Everything missing or malformed that the regulator's database would refuse, per package level
 * and per regulator, so the whole list can be fixed in one pass before a submission.
 */
export function validateForSubmission(record: UdiDeviceRecord, jurisdictions: readonly Jurisdiction[]): SubmissionProblem[] {
  return jurisdictions.flatMap((jurisdiction) => [...packageProblems(record), ...BY_JURISDICTION[jurisdiction](record)].map((f) => ({ jurisdiction, ...f })));
}
