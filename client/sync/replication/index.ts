export * from './schemas';
export { replicateCollection, watchChanges, SyncHttpError, type SyncTransport, type ResyncSignal } from './replicate';
export { pullIntoStore, type Replication } from './pull-stock';
