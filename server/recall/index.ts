export { createRecall, findRecallByNumber, getRecall, listRecalls, recallTransitions, transitionRecall, type NewRecall, type RecallCase, type RecallTermsInput, type RecallTransition, type TransitionOutcome, type TransitionRequest } from './cases';
export { readFrozenScope, type FrozenScope } from './frozen';
export { MAX_SCOPE_DEPTH, readScope, refuseConflicts, type RecallScope, type ScopeConflict, type ScopeConsignee, type ScopeLot } from './scope';
export type { ScopeInput } from './scope-input';
export { readReconciliation, type CaseReconciliation, type FlaggedReturn, type RecordedReply } from './reconciliation';
export { explainGap, recordDisposition, recordReply, storeReply, type DispositionInput, type ExplanationInput, type RecordedDisposition, type ReplyRecorder } from './recovery';
export { readScopeDiff } from './scope-diff';
export { acknowledgeHolds, readHoldDevices, type CaseHoldDevices, type HoldDevice } from './hold-acks';
