import type { Jurisdiction } from '../record';

/**
 * The files Lotline writes for each regulator's UDI database: GUDID's HL7 SPL (one document per
 * Primary DI), EUDAMED's UDI/Device data exchange bulk upload, and NMPA UDID's YY/T 1753 data
 * items as JSON or as the bulk upload template.
 */
export const EXPORT_FORMAT_NAMES = ['gudid-spl-xml', 'eudamed-xml', 'nmpa-json', 'nmpa-xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMAT_NAMES)[number];

export const EXPORT_FORMATS: Readonly<Record<ExportFormat, { jurisdiction: Jurisdiction; contentType: string }>> = {
  'gudid-spl-xml': { jurisdiction: 'GUDID', contentType: 'application/xml; charset=utf-8' },
  'eudamed-xml': { jurisdiction: 'EUDAMED', contentType: 'application/xml; charset=utf-8' },
  'nmpa-json': { jurisdiction: 'NMPA', contentType: 'application/json; charset=utf-8' },
  'nmpa-xlsx': { jurisdiction: 'NMPA', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
};
