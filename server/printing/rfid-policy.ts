import type { RfidSetup } from '../../domain/labels';
import { AppError } from '../errors';
import type { PrinterRfidPolicy } from './printers';

/** The bounds the database holds the policy to (064_rfid_uncertain.sql), checked first so the answer names the field. */
export const RFID_POLICY_LIMITS = { retries: { min: 0, max: 5 }, readBackTimeoutMs: { min: 500, max: 120_000 } } as const;

/**
 * Labels tried again after a failed tag: the printer's word where it has one, else the template's.
 * A printer that does not retry at all overrides both.
 */
export function retriesFor(template: Pick<RfidSetup, 'retries'>, printer: Pick<PrinterRfidPolicy, 'retry' | 'retries'>): number {
  if (!printer.retry) return 0;
  return printer.retries ?? template.retries;
}

/** Refuses a policy out of bounds, naming the field, before the database's own check would refuse it unnamed. */
export function checkRfidPolicy(policy: Partial<PrinterRfidPolicy>): void {
  for (const field of ['retries', 'readBackTimeoutMs'] as const) {
    const value = policy[field];
    if (value === undefined || value === null) continue;
    const { min, max } = RFID_POLICY_LIMITS[field];
    if (!Number.isInteger(value) || value < min || value > max) throw new AppError(400, 'invalid_request', `rfidPolicy.${field}: must be a whole number from ${min} to ${max}`, { field: `rfidPolicy.${field}` });
  }
}
