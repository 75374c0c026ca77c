export { LOT_STATUSES, pickRefusal, type LotStatus, type PickableLot, type PickRefusal } from './status';
export { fefoOrder, type FefoCandidate } from './fefo';
