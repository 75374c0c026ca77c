export { stateMasterDataChange, type MasterDataChange } from './change-context';
export { diffVersions, listVersions, versionData, type FieldChange, type MasterDataHistory, type MasterDataVersionView } from './read';
export { restoreVersion, type RestoreInput } from './restore';
export { approveChangeRequest, changeRequestGate, listChangeRequests, rejectChangeRequest, type ApproveInput, type ChangeRequestView } from './change-requests';
