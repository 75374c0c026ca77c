import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiDocument } from './api-document';
import { API_TYPES_FILE, apiTypesSource } from './api-types';

describe('the client’s API types', () => {
  it('are generated from the routes as they are declared now', async () => {
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    const current = await apiTypesSource();
    // A route's request or answer changed without the client's types: run `npm run api:types`.
    expect(committed === current, `${API_TYPES_FILE} is out of date with the server's routes: run \`npm run api:types\``).toBe(true);
  }, 60_000);

  it('cover every route the server publishes', async () => {
    const source = await apiTypesSource();
    const routes = Object.keys(apiDocument().paths ?? {});
    expect(routes.length).toBeGreaterThan(80);
    expect(routes.filter((route) => !source.includes(`${JSON.stringify(route)}: {`))).toEqual([]);
  }, 60_000);
});
