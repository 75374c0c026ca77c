// Runs a TypeScript module in a worker thread through tsx's loader: `workerData.entry` is its URL.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
