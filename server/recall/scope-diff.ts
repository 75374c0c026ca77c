import { diffScope, type ScopeDiff } from '../../domain/recall';
import type { Queryable } from '../db';
import { AppError } from '../errors';
import { getRecall } from './cases';
import { readFrozenScope } from './frozen';
import { readScope } from './scope';

/** The frozen scope of a case against what its input reaches today. */
export async function readScopeDiff(db: Queryable, caseId: string): Promise<ScopeDiff> {
  const recall = await getRecall(db, caseId);
  if (recall.state === 'draft' || recall.state === 'cancelled') {
    throw new AppError(409, 'scope_not_frozen', `Recall ${recall.number} is ${recall.state}: its scope is frozen only when it opens, so there is nothing to compare yet.`, { state: recall.state });
  }
  const [frozen, now] = await Promise.all([readFrozenScope(db, caseId), readScope(db, recall.scopeInput)]);
  return diffScope(
    { lots: frozen.lots.map((l) => ({ lotId: l.lotId, lotNumber: l.lotNumber })), consignees: frozen.consignees },
    { lots: now.lots.map((l) => ({ lotId: l.id, lotNumber: l.lotNumber })), consignees: now.consignees },
  );
}
