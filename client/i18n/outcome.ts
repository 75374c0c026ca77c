import type { TFunction } from 'i18next';
import type { OpOutcome, OpProblem } from '../../sync';

/** One finding of the server about an op, in the user's language; null when this app has no words for its code. */
export function describeProblem(t: TFunction, problem: OpProblem): string | null {
  const key = `outcome.${problem.code}`;
  const params: Record<string, unknown> = { ...problem.params };
  // A refusal is itself a code: 'on_hold' reads as the status it names.
  if (typeof params.refusal === 'string') params.refusal = t(`outcome.refusal.${params.refusal}`, { defaultValue: params.refusal });
  const text = t(key, { ...params, defaultValue: '' });
  return text === '' ? null : text;
}

/**
 * What became of an op, in the user's language. Outcomes from a server that sends no codes, or
 * codes this app does not know yet, fall back to the server's English message.
 */
export function describeOutcome(t: TFunction, outcome: OpOutcome | null | undefined): string | null {
  if (!outcome) return null;
  const said = (outcome.problems ?? []).map((p) => describeProblem(t, p));
  if (said.length > 0 && said.every((s) => s !== null)) return said.join(t('outcome.separator'));
  return outcome.message || null;
}
