/** Where a print job stands; `in_printer`: the printer took it and has not yet said it printed. */
export type JobStatus = 'queued' | 'printing' | 'in_printer' | 'printed' | 'uncertain' | 'cancelled';

export const JOB_STATUSES = ['queued', 'printing', 'in_printer', 'printed', 'uncertain', 'cancelled'] as const satisfies readonly JobStatus[];

/** The channel a new or reprinted job wakes the spool on, across server instances. */
export const PRINT_CHANNEL = 'lotline_print';
