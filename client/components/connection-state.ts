import type { Connection } from '../hooks/useOnline';
import type { SyncStatus } from '../sync/engine';

export type ShownConnection = 'online' | 'offline' | 'checking' | 'blocked';

/**
 * The one state the top bar shows. The server answering its health check is not enough on an enrolled
 * handheld: sync has to get through too, and a refusal (revoked device, old app) outranks both.
 */
export function shownConnection(connection: Connection['state'], sync: Pick<SyncStatus, 'online' | 'blocked'>, deviceEnrolled: boolean): ShownConnection {
  if (deviceEnrolled && sync.blocked) return 'blocked';
  if (connection === 'offline' || (deviceEnrolled && !sync.online)) return 'offline';
  return connection;
}
