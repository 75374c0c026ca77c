/**
 * Where a print job stands; `in_printer`: the printer took it and has not yet said it printed;
 * `voided`: an RFID label came out with a tag that does not carry its serial, and no retry is left.
 */
export type JobStatus = 'queued' | 'printing' | 'in_printer' | 'printed' | 'uncertain' | 'cancelled' | 'voided';

export const JOB_STATUSES = ['queued', 'printing', 'in_printer', 'printed', 'uncertain', 'cancelled', 'voided'] as const satisfies readonly JobStatus[];

/** The channel a new or reprinted job wakes the spool on, across server instances. */
export const PRINT_CHANNEL = 'lotline_print';
