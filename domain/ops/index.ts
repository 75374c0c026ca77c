export * from './schemas';
export {
  planOp,
  type ExceptionKind,
  type KnownCustomer,
  type KnownLot,
  type KnownPickList,
  type KnownWorkOrder,
  type OpPlan,
  type PlanContext,
  type PlannedEdge,
  type PlannedException,
  type PlannedMove,
  type PlannedPick,
  type PlannedRecallReturn,
  type PlannedReturn,
  type PlannedShipment,
} from './plan';
export { QC_HOLD_KINDS, isQcHold, type QcHoldKind } from './qc-hold';
export { RESOLUTIONS, planResolution, type Resolution, type ResolutionPlan, type ExceptionToResolve, type LedgerMove } from './resolution';
export { collectReferences, lotKey, type OpReferences } from './references';
export { PICK_LIST_STATUSES, bookPick, pickLine, pickListStatus, unbookPick, type OverPick, type PickLine, type PickListRecallBreak, type PickListState, type PickListStatus } from './pick-progress';
export { stagedPicks, type CountedPick, type StagedPick } from './staged-picks';
export { findUnstorableText, hasUnstorableText, storableJson, storableText } from './text';
