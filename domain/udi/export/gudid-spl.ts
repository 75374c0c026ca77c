import type { UdiDeviceRecord } from '../record';
import { validateForSubmission } from '../validate';
import type { ExportResult } from './nmpa';
import { levelsFromBase } from './levels';
import { xmlText as x } from './xml';

/** Object identifiers the GUDID SPL names its code systems and issuers by. */
const OID = {
  gs1: '1.3.160',
  duns: '1.3.6.1.4.1.519.1',
  gmdn: '2.16.840.1.113883.6.276',
  ncit: '2.16.840.1.113883.3.26.1.1',
} as const;

const MRI_TEXT: Readonly<Record<UdiDeviceRecord['mriSafety'], string>> = {
  mr_safe: 'MR Safe',
  mr_conditional: 'MR Conditional',
  mr_unsafe: 'MR Unsafe',
  not_labeled: 'Labeling does not contain MRI Safety Information',
};

export interface SplDocument {
  /** The file name: the Primary DI, the key GUDID files a record under. */
  fileName: string;
  xml: string;
}

export interface SplHeader {
  /** A new id for each submission of the same device. */
  documentId: string;
  /** The same for every version of the device's record. */
  setId: string;
  version: number;
  /** YYYYMMDD */
  effectiveDate: string;
}

const characteristic = (name: string, value: string) => `      <subjectOf><characteristic><code displayName="${x(name)}"/><value xsi:type="ST">${x(value)}</value></characteristic></subjectOf>`;
const yesNo = (name: string, value: boolean) => `      <subjectOf><characteristic><code displayName="${x(name)}"/><value xsi:type="BL" value="${value}"/></characteristic></subjectOf>`;

/**
 * The GUDID device identifier record as an HL7 SPL document, one per Primary DI (the base
 * unit), with each package level as packaged product holding the level below. Only a record
 * the pre-submission check passes for GUDID is written.
 */
export function gudidSpl(record: UdiDeviceRecord, header: SplHeader): ExportResult<SplDocument> {
  const problems = validateForSubmission(record, ['GUDID']);
  if (problems.length > 0) return { ok: false, problems };
  const [base] = levelsFromBase(record);
  const pi = record.productionIdentifiers;
  // SPL nests packages inside out: the product is the content of its first package, which is the content of the next.
  const packagesOf = (udiDi: string, indent: string): string[] =>
    record.packages
      .filter((p) => p.contains === udiDi)
      .flatMap((p) => [
        `${indent}<asContent><quantity><numerator value="${p.quantity}"/><denominator value="1"/></quantity><containerPackagedProduct>`,
        `${indent}  <id root="${OID.gs1}" extension="${p.udiDi}"/>`,
        ...packagesOf(p.udiDi, `${indent}  `),
        `${indent}</containerPackagedProduct></asContent>`,
      ]);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<document xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `  <id root="${x(header.documentId)}"/>`,
    `  <code code="C101716" codeSystem="${OID.ncit}" displayName="GLOBAL UNIQUE DEVICE IDENTIFICATION DATABASE"/>`,
    `  <effectiveTime value="${x(header.effectiveDate)}"/>`,
    `  <setId root="${x(header.setId)}"/>`,
    `  <versionNumber value="${header.version}"/>`,
    `  <author><assignedEntity><representedOrganization><id root="${OID.duns}" extension="${x(record.labelerDuns!)}"/></representedOrganization></assignedEntity></author>`,
    '  <component><structuredBody><component><section>',
    '    <subject><manufacturedProduct><manufacturedProduct>',
    `        <id root="${OID.gs1}" extension="${base!.pkg.udiDi}"/>`,
    `        <code code="${x(record.gmdnCode!)}" codeSystem="${OID.gmdn}"/>`,
    `        <name>${x(record.brandName)}</name>`,
    `        <desc>${x(record.description)}</desc>`,
    `        <asSpecializedKind><generalizedMaterialKind><code code="${x(record.modelNumber)}" displayName="Version or Model"/></generalizedMaterialKind></asSpecializedKind>`,
    ...(record.catalogNumber ? [`        <asEquivalentEntity><code code="${x(record.catalogNumber)}" displayName="Catalog Number"/></asEquivalentEntity>`] : []),
    `        <deviceCount value="${base!.pkg.quantity}"/>`,
    ...packagesOf(base!.pkg.udiDi, '        '),
    '      </manufacturedProduct>',
    yesNo('Lot or Batch Number', pi.lot),
    yesNo('Serial Number', pi.serial),
    yesNo('Manufacturing Date', pi.manufactureDate),
    yesNo('Expiration Date', pi.expiry),
    yesNo('Single Use', record.singleUse),
    yesNo('Device Packaged as Sterile', record.sterile),
    yesNo('Requires Sterilization Prior to Use', record.sterilizationBeforeUse),
    yesNo('Labeled as Contains Natural Rubber Latex', record.containsLatex),
    characteristic('MRI Safety Status', MRI_TEXT[record.mriSafety]),
    ...(record.clinicalSize ? [characteristic('Clinically Relevant Size', record.clinicalSize)] : []),
    ...(record.storage ? [characteristic('Storage and Handling', record.storage)] : []),
    characteristic('Commercial Distribution Status', record.status === 'not_in_distribution' ? 'Not in Commercial Distribution' : 'In Commercial Distribution'),
    '    </manufacturedProduct></subject>',
    '  </section></component></structuredBody></component>',
    '</document>',
    '',
  ];
  return { ok: true, document: { fileName: `${base!.pkg.udiDi}.xml`, xml: lines.join('\n') } };
}
