import { DICTIONARY_LANGS, buildDictionary, dictionaryMarkdown, type DictionaryLang } from '../../domain/dictionary';
import { migrate, openPglite } from '../db';
import { apiDocument } from '../http/api-document';
import { apiSchemas } from './api-schemas';
import { readDbSnapshot } from './read-schema';

export const DICTIONARY_FILES: Readonly<Record<DictionaryLang, string>> = { en: 'docs/dictionary.md', 'zh-CN': 'docs/dictionary.zh-CN.md' };

/**
 * The text of the docs/dictionary*.md files for the migrations and routes as they are now: a fresh
 * in-memory PGlite is migrated and read, so the docs do not depend on any database lying around.
 */
export async function dictionaryDocs(): Promise<Record<DictionaryLang, string>> {
  const db = await openPglite();
  try {
    await migrate(db);
    const snapshot = await readDbSnapshot(db);
    const schemas = apiSchemas(apiDocument());
    return Object.fromEntries(DICTIONARY_LANGS.map((lang) => [lang, dictionaryMarkdown(buildDictionary(snapshot, schemas, lang))])) as Record<DictionaryLang, string>;
  } finally {
    await db.close();
  }
}
