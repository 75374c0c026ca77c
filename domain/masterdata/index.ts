export { BOOKKEEPING_FIELDS, KEPT_ON_RESTORE, KIND_NOUN, MASTER_DATA_KINDS, REGULATED_FIELDS, UNIQUE_FIELDS, isMasterDataKind, kindOfPath, pathOfKind, type MasterDataKind } from './kinds';
export { diffRows, isRegulatedField, type RowData } from './diff';
export { judgeSignature, type SignatureJudgement } from './change-control';
export { planRestore, type RestorePlan } from './restore';
export { contentProblem, type ContentProblem } from './live-rules';
export { CHANGE_REQUEST_STATUSES, heldKindOf, judgeInboundChange, type ChangeRequestStatus, type ChangeVerdict } from './change-requests';
