export { LOT_STATUSES, pickRefusal, type LotStatus, type PickableLot, type PickRefusal } from './status';
export { fefoOrder, type FefoCandidate } from './fefo';
export {
  SIGNATURE_MEANINGS,
  allowedMeanings,
  isDueToExpire,
  nextStatuses,
  planTransition,
  type LotForTransition,
  type SignatureMeaning,
  type TransitionPlan,
  type TransitionRefusal,
  type TransitionRequest,
} from './lifecycle';
export { daysToExpiry, nearExpiryWindow, shelfLifeShortfall, shipRefusal, type ShelfLifeShortfall, type ShipRefusal } from './expiry';
