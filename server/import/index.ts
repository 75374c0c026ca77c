export { ISSUES_SHOWN, commitImport, dryRunImport, findProfile, importReport, listProfiles, saveProfile, uploadImport, type CommitResult, type DryRun, type MappingProfile, type UploadedJob } from './jobs';
export { runImport, type ImportRun } from './run';
export { readImportFile, type FileFormat } from './read-file';
