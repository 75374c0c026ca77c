import { z } from '@hono/zod-openapi';
import { RFID_POLICY_LIMITS } from '../../printing/rfid-policy';

const VoidReason = z.enum(['wrong_tag', 'no_tag', 'bad_answer', 'destroyed']);

const counts = {
  printed: z.number().int().openapi({ description: 'RFID labels that came out by the spool’s attempts, with those whose read-back never came' }),
  encoded: z.number().int().openapi({ description: 'Labels whose tag read back the EPC written (or was read so by a person): their serial is bound to that tag' }),
  voided: z.number().int().openapi({ description: 'Labels whose tag read back another EPC, nothing or noise, or that were destroyed in doubt: their serial is voided for good' }),
  uncertain: z.number().int().openapi({ description: 'Labels whose read-back never came and nobody has settled: their serial is held, neither bound nor issued again' }),
  balanced: z.boolean().openapi({ description: 'printed = encoded + voided + uncertain' }),
  pending: z.number().int().openapi({ description: 'Jobs not printed yet' }),
};

export const TagReconciliationSchema = z
  .object({
    scope: z.enum(['run', 'job']),
    id: z.string(),
    ...counts,
    tags: z.array(
      z.object({
        jobId: z.string(),
        serial: z.string(),
        epc: z.string().openapi({ description: 'The EPC the tag was to be written with' }),
        readBack: z.string().nullable().openapi({ description: "What the tag read back as ('' for no tag); null while the label is uncertain" }),
        outcome: z.enum(['encoded', 'voided', 'uncertain']),
        reason: VoidReason.nullable(),
        detail: z.string().nullable().openapi({ description: 'What was wrong with an unreadable answer, why a label is uncertain, or who settled it and why' }),
        at: z.string(),
      }),
    ),
  })
  .openapi('TagReconciliation');

export const RfidRunSchema = z
  .object({
    runId: z.string(),
    lotNumber: z.string().nullable(),
    template: z.string(),
    printer: z.string(),
    requestedAt: z.string(),
    labels: z.number().int().openapi({ description: 'Jobs in the run: one per serial' }),
    reconciliation: z.object(counts),
  })
  .openapi('RfidRun');

export const TagLookupSchema = z
  .object({
    epc: z.string().openapi({ description: 'The EPC as hex, in whole 16-bit words' }),
    scheme: z.enum(['sgtin-96', 'sgtin-198']),
    gtin: z.string(),
    serial: z.string(),
    standing: z.enum(['encoded', 'voided', 'other_tag', 'uncertain', 'not_encoded']).openapi({
      description:
        'encoded: this tag read back its EPC when printed and carries the serial; voided: the serial was voided; other_tag: the serial is bound to another tag; uncertain: the label’s read-back never came, the serial is held until someone reads the tag; not_encoded: no RFID label here carries it',
    }),
    voidedReason: VoidReason.nullable(),
    lot: z.object({ id: z.string(), lotNumber: z.string(), status: z.string() }).nullable(),
    jobId: z.string().nullable(),
  })
  .openapi('TagLookup');

const { retries, readBackTimeoutMs } = RFID_POLICY_LIMITS;

const policy = z.object({
    retry: z.boolean().openapi({ description: 'false: a label whose tag failed is never tried again on this printer, whatever its template says' }),
    retries: z.number().int().min(retries.min).max(retries.max).nullable().openapi({ description: "Labels tried again after a failed tag; null: the template's retries" }),
    readBackTimeoutMs: z.number().int().min(readBackTimeoutMs.min).max(readBackTimeoutMs.max).nullable().openapi({ description: "How long the spool waits for a label's read-back before the label is uncertain; null: the spool's default" }),
});

export const PrinterRfidPolicySchema = policy.openapi('PrinterRfidPolicy');

/** A change to a printer's RFID policy: fields left out keep their value. */
export const PrinterRfidPolicyChange = policy.partial().strict().openapi('PrinterRfidPolicyChange');
