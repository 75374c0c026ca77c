import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DICTIONARY_LANGS } from '../../domain/dictionary';
import { DICTIONARY_FILES, dictionaryDocs } from './docs';

describe('the data dictionary docs', () => {
  it('are generated from the migrations and the routes as they are now', async () => {
    const current = await dictionaryDocs();
    for (const lang of DICTIONARY_LANGS) {
      const committed = readFileSync(DICTIONARY_FILES[lang], 'utf8');
      // A migration, a route's schema or a note changed without the docs: run `npm run dictionary`.
      expect(committed === current[lang], `${DICTIONARY_FILES[lang]} is out of date: run \`npm run dictionary\``).toBe(true);
    }
  }, 120_000);
});
