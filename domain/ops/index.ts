export * from './schemas';
export { planOp, type ExceptionKind, type KnownLot, type OpPlan, type PlanContext, type PlannedException, type PlannedMove } from './plan';
export { RESOLUTIONS, planResolution, type Resolution, type ResolutionPlan, type ExceptionToResolve, type LedgerMove } from './resolution';
