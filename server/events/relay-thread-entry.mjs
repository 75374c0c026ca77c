// The event relay's worker thread starts here: it loads its TypeScript through tsx, as the
// main thread does, so the server needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('./relay-thread-main.ts');
