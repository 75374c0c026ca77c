import { parentPort, workerData } from 'node:worker_threads';
import { openPostgres } from '../db';
import { startEventRelay } from './relay';
import type { RelayThreadData, RelayThreadMessage } from './relay-thread';

/** The relay on its own thread and its own connections to PostgreSQL (see relay-thread.ts). */
const port = parentPort!;
const data = workerData as RelayThreadData;
const post = (message: RelayThreadMessage) => port.postMessage(message);
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

try {
  const db = await openPostgres({ connectionString: data.databaseUrl, max: 2, applicationName: 'lotline-relay' });
  const relay = startEventRelay(db, { ...data.options, onError: (error) => post({ kind: 'error', message: describe(error) }) });
  port.on('message', (message: unknown) => {
    if (message !== 'stop') return;
    void relay
      .stop()
      .then(() => db.close())
      .catch((error: unknown) => post({ kind: 'error', message: describe(error) }))
      .finally(() => post({ kind: 'stopped' }));
  });
  post({ kind: 'started' });
} catch (error) {
  post({ kind: 'failed', message: describe(error) });
}
