export { captureBehaviourOf, captureDocument, readCaptureJob, type CaptureErrorBehaviour, type CaptureJob } from './capture';
export { exportEvents, ledgerEvents, loadEpcisSettings, plantZoneOffset, sha256Hex, type EpcisQuery, type EventPage } from './export';
export { ledgerFacts, type FactWindow } from './facts';
export { readEpcisSettings, updateEpcisSettings, type EpcisSettingsView } from './settings';
