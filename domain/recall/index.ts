export {
  EFFECTIVENESS_LEVELS,
  FDA_CLASSES,
  HOLDING_STATES,
  JURISDICTIONS,
  LEVEL_B_PERCENT,
  NMPA_CLASSES,
  RECALL_DEPTHS,
  RECALL_ROLES,
  RECALL_STATES,
  nextRecallStates,
  openingGaps,
  planCaseTransition,
  recallMeanings,
  termsProblems,
  type CaseTransitionPlan,
  type CaseTransitionRefusal,
  type CaseTransitionRequest,
  type EffectivenessLevel,
  type FdaClass,
  type Jurisdiction,
  type NmpaClass,
  type RecallClasses,
  type RecallDepth,
  type RecallState,
  type RecallTerms,
  type TermsProblem,
} from './case';
export { recallHold, type RecallHold } from './hold';
export { lotBalance, scopeBalance, type LotBalance, type LotBooks, type PerChildLot, type PickedAt, type PerConsignee, type ScopeBalance, type StockAt } from './mass-balance';
export { DEFAULT_CLOCK_OPTIONS, addWorkingDays, deadlines, workingDaysBetween, type ClockCase, type ClockOptions, type Deadline, type DeadlineKind, type DeadlineState, type EuIncident, type RecallCalendars } from './clock';
export { ClockError, chinaCalendar, chinaHolidays, usFederalCalendar, usFederalHolidays, type ClockErrorCode, type IsoDate, type PlantDays, type WorkingCalendar } from './holidays';
export {
  CONTACT_STEPS,
  DEFAULT_ESCALATION,
  EffectivenessError,
  checksRequired,
  levelPercent,
  nextEscalation,
  selectConsignees,
  type ContactStep,
  type EffectivenessErrorCode,
  type EffectivenessSelection,
  type Escalation,
  type EscalationRule,
  type RecordedContact,
} from './effectiveness';
export { reconcile, reconcileConsignee, type ConsigneeFigures, type ConsigneeReconciliation, type GapExplanation, type Reconciliation, type CaseReconciliation, type FlaggedReturn, type RecordedReply } from './reconcile';
export { CHECK_METHODS, CONTACT_METHODS, effectivenessResults, type EffectivenessResults, type CaseEffectiveness, type CheckMethod, type CheckedConsignee, type ConsigneeContact, type ContactMethod, type DueEscalation, type EffectivenessCheck, type EffectivenessDraw } from './effectiveness-view';
export {
  DISPOSITION_ACTIONS,
  RETURN_FLAGS,
  matchRecallReturn,
  planDisposition,
  replyProblems,
  type ConsigneeReply,
  type DispositionAction,
  type DispositionPlan,
  type DispositionRefusal,
  type DispositionRequest,
  type ReplyProblem,
  type ReturnCase,
  type ReturnFacts,
  type ReturnFlag,
  type ReturnMatch,
} from './recovery';
export { diffScope, type ConsigneeChange, type DiffConsignee, type DiffLot, type ScopeDiff, type ScopeSide } from './scope-diff';
export {
  LETTER_LANGS,
  LetterError,
  buildLetter,
  defaultLetterLang,
  lettersProducts,
  printableText,
  type CaseLetters,
  type ConsigneeLetters,
  type ConsigneeLine,
  type Letter,
  type LetterInput,
  type LetterLang,
  type LetterProduct,
  type LetterSection,
  type LetterTable,
  type ReplyFormField,
} from './letters';
export { REPLY_CODE_ALPHABET, REPLY_CODE_LENGTH, normalizeReplyCode, replyCodeFromBytes } from './reply-code';
export { deviceHoldState, type DeviceHoldFacts, type DeviceHoldState } from './hold-ack';
export { DRILL_PASS_BAND, drillPasses, drillPercent, drillTimings, formatStopwatch, type DrillStopwatch, type DrillTimings } from './drill';
export { deadlineAlerts, type DeadlineAlert, type DeadlineAlertKind } from './deadline-alerts';
