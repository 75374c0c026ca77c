import type { RecordChange } from '../udi';
import { isRegulatedField } from './diff';
import { KIND_NOUN, type MasterDataKind } from './kinds';

export type SignatureJudgement =
  | { needed: false }
  | {
      needed: true;
      /** The regulated fields the change touches, in diff order. */
      fields: string[];
      message: string;
    };

/**
 * Whether a change made by hand (a restore) needs QC's electronic signature: it does when it
 * touches any regulated field of its kind. Changes arriving from the ERP are judged there.
 */
export function judgeSignature(kind: MasterDataKind, changes: readonly RecordChange[]): SignatureJudgement {
  const fields = changes.filter((c) => isRegulatedField(kind, c.field)).map((c) => c.field);
  if (fields.length === 0) return { needed: false };
  return {
    needed: true,
    fields,
    message: `This changes regulated data of the ${KIND_NOUN[kind]} (${fields.join(', ')}): QC must sign it with their password.`,
  };
}
