import { z } from '@hono/zod-openapi';
import { DEVICE_STATUSES, EUDAMED_DEVICE_TYPES, EU_RISK_CLASSES, EXPORT_FORMAT_NAMES, JURISDICTIONS, MRI_SAFETY, NMPA_CLASSES, SUBMISSION_STATUSES } from '../../../domain/udi';

/** A yes/no EUDAMED asks; null while unanswered. */
const flag = z.boolean().nullable().default(null);
const text = (max: number) => z.string().trim().min(1, 'must not be blank').max(max);
const optionalText = (max: number) => z.string().trim().min(1, 'must not be blank; send null when there is none').max(max).nullable();
/** ASCII digits only: a full-width digit looks the same on screen and is another character. */
const UdiDi = z
  .string()
  .regex(/^[0-9]{14}$/, 'must be a GTIN-14: 14 digits 0-9')
  .openapi({ example: '00614141000012' });

export const UdiPackageSchema = z
  .object({
    udiDi: UdiDi,
    quantity: z.number().int().min(1, 'must be 1 or more').max(1_000_000),
    contains: UdiDi.nullable().openapi({
      description: 'The UDI-DI of the level this package holds; null for the base unit',
    }),
  })
  .openapi('UdiPackage');

export const UdiDeviceRecordSchema = z
  .object({
    basicUdiDi: z.string().min(8).max(25).openapi({
      description: 'GS1 GMN (AI 8013) with its check character pair',
      example: '0614141STENT-ARF',
    }),
    packages: z.array(UdiPackageSchema).min(1).max(10),
    productionIdentifiers: z.object({
      lot: z.boolean(),
      serial: z.boolean(),
      manufactureDate: z.boolean(),
      expiry: z.boolean(),
    }),
    brandName: text(80),
    modelNumber: text(40),
    catalogNumber: optionalText(40),
    description: text(2000),
    descriptionZh: optionalText(2000),
    clinicalSize: optionalText(200),
    gmdnCode: optionalText(5),
    emdnCode: optionalText(13),
    euRiskClass: z.enum(EU_RISK_CLASSES).nullable(),
    manufacturerSrn: optionalText(15),
    labelerDuns: optionalText(9),
    nmpa: z.object({
      classification: z.enum(NMPA_CLASSES).nullable(),
      registrationNumber: optionalText(40),
      productName: optionalText(200),
      registrantName: optionalText(200),
      classificationCode: optionalText(8),
    }),
    sterile: z.boolean(),
    sterilizationBeforeUse: z.boolean(),
    singleUse: z.boolean(),
    containsLatex: z.boolean(),
    mriSafety: z.enum(MRI_SAFETY),
    storage: optionalText(500),
    status: z.enum(DEVICE_STATUSES),
    eudamed: z
      .object({
        type: z.enum(EUDAMED_DEVICE_TYPES).nullable(),
        implantable: flag,
        active: flag,
        measuringFunction: flag,
        reusableSurgicalInstrument: flag.openapi({ description: 'A class I reusable surgical instrument (MDR Art. 52(7)(c))' }),
        administeringMedicine: flag.openapi({ description: 'Intended to administer and/or remove a medicinal product' }),
        medicinalProduct: flag.openapi({ description: 'Incorporates a substance that, used separately, would be a medicinal product' }),
        humanBloodProduct: flag.openapi({ description: 'Incorporates a medicinal substance derived from human blood or plasma' }),
        humanTissuesCells: flag,
        animalTissuesCells: flag,
        iibImplantableException: flag.openapi({ description: 'Implantable class IIb only: a suture, staple, dental filling, brace, crown, screw, wedge, plate, wire, pin, clip or connector (MDR Art. 52(4)); null otherwise' }),
      })
      .strict()
      .optional()
      .openapi({ description: "EUDAMED's Basic UDI-DI characteristics; null (or left out) is unanswered, which the EUDAMED pre-submission check lists" }),
  })
  .openapi('UdiDeviceRecord', {
    description: 'A device model with its UDI-DIs and the data GUDID, EUDAMED and NMPA ask of it',
  });

const when = z.string();

export const UdiRecordViewSchema = z
  .object({
    id: z.string(),
    basicUdiDi: z.string(),
    currentVersion: z.number().int(),
    publishedVersion: z.number().int().nullable(),
    record: UdiDeviceRecordSchema,
    versions: z.array(
      z.object({
        version: z.number().int(),
        reason: z.string(),
        regulated: z.boolean().openapi({
          description: 'Changes a field regulators hold the manufacturer to, against the version before',
        }),
        restoredFrom: z.number().int().nullable(),
        createdBy: z.string().nullable(),
        createdAt: when,
        approval: z.object({ signedBy: z.string(), signedAt: when, reason: z.string() }).nullable(),
        published: z.boolean(),
      }),
    ),
  })
  .openapi('UdiRecordView');

export const UdiChangeSchema = z
  .object({
    field: z.string(),
    rule: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('UdiRecordChange');

export const SubmissionProblemSchema = z
  .object({
    jurisdiction: z.enum(JURISDICTIONS),
    udiDi: z.string().nullable(),
    field: z.string(),
    problem: z.enum(['missing', 'invalid']),
    message: z.string(),
  })
  .openapi('UdiSubmissionProblem');

export const ExportFormatSchema = z.enum(EXPORT_FORMAT_NAMES).openapi({
  description: 'gudid-spl-xml (GUDID), eudamed-xml (EUDAMED), nmpa-json or nmpa-xlsx (NMPA UDID)',
  example: 'eudamed-xml',
});

const ExportStatusSchema = z.object({
  status: z.enum(SUBMISSION_STATUSES),
  reference: z.string().nullable(),
  message: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: when,
});

export const StoredExportSchema = z
  .object({
    id: z.string(),
    recordId: z.string(),
    recordVersion: z.number().int().openapi({ description: 'The published version of the device record the file was made of' }),
    jurisdiction: z.enum(JURISDICTIONS),
    format: ExportFormatSchema,
    version: z.number().int().openapi({ description: "The record's exports to this regulator, counted from 1" }),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    createdBy: z.string().nullable(),
    createdAt: when,
    status: z.enum(SUBMISSION_STATUSES),
    history: z.array(ExportStatusSchema),
  })
  .openapi('UdiStoredExport');

const authorityText = (max: number) => z.string().trim().min(1, 'must not be blank; send null when there is none').max(max).nullable().default(null);

export const StatusChangeSchema = z.object({
  status: z.enum(SUBMISSION_STATUSES),
  reference: authorityText(200).openapi({ description: "The authority's acknowledgement or registration number; required for accepted" }),
  message: authorityText(4000).openapi({ description: "The authority's rejection message; required for rejected" }),
});
