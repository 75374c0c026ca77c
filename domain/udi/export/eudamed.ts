import { eudamedFlagsOf, type UdiDeviceRecord } from '../record';
import { validateForSubmission, type SubmissionProblem } from '../validate';
import { levelsFromBase } from './levels';
import type { ExportResult } from './nmpa';
import { xmlForbiddenCharacter, xmlText as x } from './xml';

/*
 * The EUDAMED UDI/Device registration as a data exchange (DTX) bulk upload: one m:Push message
 * whose payload is a device:Device of xsi:type MDRDeviceType, holding the Basic UDI-DI data
 * (device:MDRBasicUDI) and the UDI-DI data (device:MDRUDIDIData).
 *
 * The Commission's XSD package is not kept here: it could not be obtained with a licence that
 * lets us ship it. The namespaces, element names, their order (Entity -> BasicUDIType ->
 * DeviceBasicUDIType -> MDRBasicUDIType; UDIDIType -> UDIDIDataType -> DeviceUDIDIDataType ->
 * MDRUDIDIDataType) and the code lists (CLASS_*, ON_THE_MARKET, BATCH_NUMBER, ...) follow the DTX
 * schema version 3.0.30 as public bulk-upload tools use it. The golden file
 * golden/eudamed-00614141000012.xml is the message for the test stent, each element checked by
 * hand against those names. The package levels' elements (udidi:containerPackages) and
 * udidi:additionalDescription were not confirmed against the XSD. Neither were the Basic UDI-DI
 * characteristics (basicudi:animalTissuesCells ... commondi:reusable): their names, namespaces
 * and order (DeviceBasicUDIType, then MDRBasicUDIType, then MDApplicablePropertiesGroup) follow
 * the element-order tables of public bulk-upload tools, and basicudi:type's codes beyond DEVICE,
 * SYSTEM and PROCEDURE_PACK, and basicudi:specialDevice, are not written.
 */

export const EUDAMED_DTX_VERSION = '3.0.30';

const NS = {
  m: 'https://ec.europa.eu/tools/eudamed/dtx/servicemodel/Message/v1',
  s: 'https://ec.europa.eu/tools/eudamed/dtx/servicemodel/Service/v1',
  device: 'https://ec.europa.eu/tools/eudamed/dtx/datamodel/Entity/Device/v1',
  basicudi: 'https://ec.europa.eu/tools/eudamed/dtx/datamodel/Entity/Device/BasicUDI/v1',
  udidi: 'https://ec.europa.eu/tools/eudamed/dtx/datamodel/Entity/UDIDI/v1',
  commondi: 'https://ec.europa.eu/tools/eudamed/dtx/datamodel/Entity/Device/CommonDevice/v1',
  lsn: 'https://ec.europa.eu/tools/eudamed/dtx/datamodel/Entity/Common/LanguageSpecific/v1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

const RISK_CLASS: Readonly<Record<NonNullable<UdiDeviceRecord['euRiskClass']>, string>> = { I: 'CLASS_I', IIa: 'CLASS_IIA', IIb: 'CLASS_IIB', III: 'CLASS_III' };

/**
 * EUDAMED's device status knows placing on the market only: a recall or a field safety corrective
 * action is reported through vigilance, and the device stays on the market meanwhile.
 */
const STATUS: Readonly<Record<UdiDeviceRecord['status'], string>> = {
  in_distribution: 'ON_THE_MARKET',
  recalled: 'ON_THE_MARKET',
  fsca: 'ON_THE_MARKET',
  not_in_distribution: 'NO_LONGER_PLACED_ON_THE_MARKET',
};

export interface EudamedHeader {
  /** A new id for each message sent. */
  messageId: string;
  /** The id EUDAMED answers with, to tie its acknowledgement to this export. */
  correlationId: string;
  /** ISO 8601 in UTC, e.g. 2026-12-01T09:30:00Z */
  createdAt: string;
}

export interface EudamedDocument {
  /** Named by the UDI-DI of the base unit, the key EUDAMED registers the UDI-DI data under. */
  fileName: string;
  xml: string;
}

/** The record's text fields as EUDAMED receives them, by field name. */
const textFields = (record: UdiDeviceRecord): [string, string | null][] => [
  ['basicUdiDi', record.basicUdiDi],
  ['brandName', record.brandName],
  ['modelNumber', record.modelNumber],
  ['catalogNumber', record.catalogNumber],
  ['description', record.description],
  ['emdnCode', record.emdnCode],
  ['manufacturerSrn', record.manufacturerSrn],
];

/** Text no XML 1.0 document can hold, by field: refused, never written. */
function unwritableText(record: UdiDeviceRecord, header: EudamedHeader): SubmissionProblem[] {
  const fields: [string, string | null][] = [...textFields(record), ['header.messageId', header.messageId], ['header.correlationId', header.correlationId], ['header.createdAt', header.createdAt]];
  return fields.flatMap(([field, value]) => {
    const bad = value === null ? null : xmlForbiddenCharacter(value);
    return bad ? [{ jurisdiction: 'EUDAMED' as const, udiDi: null, field, problem: 'invalid' as const, message: `contains ${bad}, a character XML 1.0 cannot carry` }] : [];
  });
}

const identifier = (tag: string, code: string, indent: string) => [
  `${indent}<${tag}>`,
  `${indent}  <commondi:DICode>${x(code)}</commondi:DICode>`,
  `${indent}  <commondi:issuingEntityCode>GS1</commondi:issuingEntityCode>`,
  `${indent}</${tag}>`,
];
const el = (tag: string, value: string | number | boolean, indent: string) => `${indent}<${tag}>${typeof value === 'string' ? x(value) : String(value)}</${tag}>`;

/**
 * The EUDAMED UDI/Device bulk upload of one device model. Only a record the pre-submission
 * check passes for EUDAMED is written, and no text XML cannot carry is written at all.
 */
export function eudamedDeviceXml(record: UdiDeviceRecord, header: EudamedHeader): ExportResult<EudamedDocument> {
  const problems = [...validateForSubmission(record, ['EUDAMED']), ...unwritableText(record, header)];
  if (problems.length > 0) return { ok: false, problems };
  const [base, ...above] = levelsFromBase(record);
  // Every flag is answered: the pre-submission check above refuses a record with one unanswered.
  const flags = eudamedFlagsOf(record);
  const pi = record.productionIdentifiers;
  const piCodes = [pi.lot && 'BATCH_NUMBER', pi.serial && 'SERIALISATION_NUMBER', pi.manufactureDate && 'MANUFACTURING_DATE', pi.expiry && 'EXPIRATION_DATE'].filter((c): c is string => c !== false);
  const b = '        ';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<m:Push xmlns:m="${NS.m}" xmlns:s="${NS.s}" xmlns:device="${NS.device}" xmlns:basicudi="${NS.basicudi}" xmlns:udidi="${NS.udidi}" xmlns:commondi="${NS.commondi}" xmlns:lsn="${NS.lsn}" xmlns:xsi="${NS.xsi}" version="${EUDAMED_DTX_VERSION}">`,
    el('m:correlationID', header.correlationId, '  '),
    el('m:creationDateTime', header.createdAt, '  '),
    el('m:messageID', header.messageId, '  '),
    '  <m:recipient>',
    '    <m:node><s:nodeActorCode>EUDAMED</s:nodeActorCode></m:node>',
    '    <m:service><s:serviceID>DEVICE</s:serviceID><s:serviceOperation>POST</s:serviceOperation></m:service>',
    '  </m:recipient>',
    '  <m:payload>',
    '    <device:Device xsi:type="device:MDRDeviceType">',
    '      <device:MDRBasicUDI>',
    el('basicudi:riskClass', RISK_CLASS[record.euRiskClass!], b),
    `${b}<basicudi:modelName>`,
    el('commondi:model', record.modelNumber, `${b}  `),
    el('commondi:name', record.brandName, `${b}  `),
    `${b}</basicudi:modelName>`,
    ...identifier('basicudi:identifier', record.basicUdiDi, b),
    el('basicudi:animalTissuesCells', flags.animalTissuesCells!, b),
    el('basicudi:humanTissuesCells', flags.humanTissuesCells!, b),
    el('basicudi:MFActorCode', record.manufacturerSrn!, b),
    el('basicudi:humanProductCheck', flags.humanBloodProduct!, b),
    ...(flags.iibImplantableException === null ? [] : [el('basicudi:IIb_implantable_exceptions', flags.iibImplantableException, b)]),
    el('basicudi:medicinalProductCheck', flags.medicinalProduct!, b),
    el('basicudi:type', flags.type!, b),
    el('commondi:active', flags.active!, b),
    el('commondi:administeringMedicine', flags.administeringMedicine!, b),
    el('commondi:implantable', flags.implantable!, b),
    el('commondi:measuringFunction', flags.measuringFunction!, b),
    // EUDAMED's "reusable" is the class Ir question; single use and sterility are the UDI-DI's.
    el('commondi:reusable', flags.reusableSurgicalInstrument!, b),
    '      </device:MDRBasicUDI>',
    '      <device:MDRUDIDIData>',
    ...identifier('udidi:identifier', base!.pkg.udiDi, b),
    `${b}<udidi:status>`,
    el('commondi:code', STATUS[record.status], `${b}  `),
    `${b}</udidi:status>`,
    ...identifier('udidi:basicUDIIdentifier', record.basicUdiDi, b),
    el('udidi:MDNCodes', record.emdnCode!, b),
    el('udidi:productionIdentifier', piCodes.join(' '), b),
    ...(record.catalogNumber ? [el('udidi:referenceNumber', record.catalogNumber, b)] : []),
    el('udidi:sterile', record.sterile, b),
    el('udidi:sterilization', record.sterilizationBeforeUse, b),
    `${b}<udidi:tradeNames>`,
    `${b}  <lsn:name>`,
    el('lsn:language', 'EN', `${b}    `),
    el('lsn:textValue', record.brandName, `${b}    `),
    `${b}  </lsn:name>`,
    `${b}</udidi:tradeNames>`,
    `${b}<udidi:additionalDescription>`,
    `${b}  <lsn:name>`,
    el('lsn:language', 'EN', `${b}    `),
    el('lsn:textValue', record.description, `${b}    `),
    `${b}  </lsn:name>`,
    `${b}</udidi:additionalDescription>`,
    // A single-use device is reused zero times; a reusable one's limit is not in the record, so it is left unstated.
    ...(record.singleUse ? [el('udidi:numberOfReuses', 0, b)] : []),
    el('udidi:baseQuantity', base!.pkg.quantity, b),
    ...(above.length > 0
      ? [
          `${b}<udidi:containerPackages>`,
          ...above.flatMap(({ pkg }) => [
            `${b}  <udidi:containerPackage>`,
            ...identifier('udidi:identifier', pkg.udiDi, `${b}    `),
            ...identifier('udidi:childIdentifier', pkg.contains!, `${b}    `),
            el('udidi:numberOfItems', pkg.quantity, `${b}    `),
            `${b}  </udidi:containerPackage>`,
          ]),
          `${b}</udidi:containerPackages>`,
        ]
      : []),
    el('udidi:latex', record.containsLatex, b),
    '      </device:MDRUDIDIData>',
    '    </device:Device>',
    '  </m:payload>',
    '  <m:sender>',
    `    <m:node><s:nodeActorCode>${x(record.manufacturerSrn!)}</s:nodeActorCode></m:node>`,
    '    <m:service><s:serviceID>DEVICE</s:serviceID><s:serviceOperation>POST</s:serviceOperation></m:service>',
    '  </m:sender>',
    '</m:Push>',
    '',
  ];
  return { ok: true, document: { fileName: `eudamed-${base!.pkg.udiDi}.xml`, xml: lines.join('\n') } };
}
