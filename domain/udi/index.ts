export { GMN_MAX_LENGTH, checkGmn, gmnCheckPair, isValidGmn, type GmnProblem, type GmnResult } from './gmn';
export { DEVICE_STATUSES, EU_RISK_CLASSES, JURISDICTIONS, MRI_SAFETY, NMPA_CLASSES, baseUnit } from './record';
export type { DeviceStatus, Jurisdiction, MriSafety, NmpaAttributes, ProductionIdentifiers, UdiDeviceRecord, UdiPackage } from './record';
export { diffRecords, type RecordChange } from './diff';
export { NEW_DI_TRIGGERS, REGULATED_RULES, isRegulatedChange, judgePublishedEdit, type NewDiProposal, type PublishedEdit } from './change-control';
export { recordShapeProblems, validateForSubmission, type SubmissionProblem } from './validate';
export { nmpaExport, type ExportResult, type NmpaDevice, type NmpaPackage } from './export/nmpa';
export { gudidSpl, type SplDocument, type SplHeader } from './export/gudid-spl';
