export * from './schemas';
export {
  planOp,
  type ExceptionKind,
  type KnownCustomer,
  type KnownLot,
  type KnownWorkOrder,
  type OpPlan,
  type PlanContext,
  type PlannedEdge,
  type PlannedException,
  type PlannedMove,
  type PlannedReturn,
  type PlannedShipment,
} from './plan';
export { RESOLUTIONS, planResolution, type Resolution, type ResolutionPlan, type ExceptionToResolve, type LedgerMove } from './resolution';
export { collectReferences, lotKey, type OpReferences } from './references';
