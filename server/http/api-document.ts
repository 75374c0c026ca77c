import type { Db } from '../db';
import { createChangeHub } from '../sync/hub';
import { createApp } from './app';

/**
 * A database that refuses every use: the API document is read from the routes' declarations
 * alone, and a route that queried while being declared would be a fault to hear of at once.
 */
const noDatabase = new Proxy({} as Db, {
  get(_target, property) {
    throw new Error(`The API document is read from route declarations; nothing may use the database (db.${String(property)}).`);
  },
});

/** The OpenAPI document the server publishes at /api/openapi.json, made without a server or database. */
export function apiDocument(): ReturnType<ReturnType<typeof createApp>['getOpenAPI31Document']> {
  const app = createApp({ db: noDatabase, version: '0', sessionHours: 1, bodyLimitBytes: 1, hub: createChangeHub(noDatabase) });
  return app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Lotline API', version: '0' } });
}
