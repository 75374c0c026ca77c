import { readScan } from '../../domain/gs1';
import type { InboundContainer } from '../../domain/receiving';
import type { OpDoc } from '../../sync';

/**
 * The SSCC a scan at receiving names, if it names one: 18 digits typed from under the barcode
 * (read as digits before the GS1 parser, which would take them for AI 30), or AI (00) of a
 * GS1-128 pallet label. Anything else is a supplier label or a location.
 */
export function ssccOfScan(input: string): string | null {
  const typed = input.trim();
  if (/^\d{18}$/.test(typed)) return typed;
  const result = readScan(input, { checkAssociations: false });
  if (!result.ok || result.kind !== 'gs1') return null;
  return result.elements.find((e) => e.ai === '00')?.value ?? null;
}

/**
 * What this handheld knows of an SSCC: the server's inbound record, and its own receipt of it
 * still waiting to sync (which counts as received on the day it was made, so a second scan is
 * refused here as it will be on the server).
 */
export function inboundAsKnown(doc: InboundContainer | null, ownReceipt: Pick<OpDoc, 'deviceTime' | 'status'> | null): InboundContainer | undefined {
  if (!doc) return undefined;
  const pending = ownReceipt && ownReceipt.status !== 'rejected' && ownReceipt.status !== 'cancelled';
  if (doc.status === 'expected' && pending) return { ...doc, status: 'received', receivedAt: ownReceipt.deviceTime };
  return doc;
}
