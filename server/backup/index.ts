export { writeBackup } from './take';
export { readBackup, restoreBackup, type RestoreResult } from './restore';
export { BackupError, type Manifest } from './manifest';
