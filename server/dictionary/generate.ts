import { writeFileSync } from 'node:fs';
import { DICTIONARY_LANGS } from '../../domain/dictionary';
import { DICTIONARY_FILES, dictionaryDocs } from './docs';

const docs = await dictionaryDocs();
for (const lang of DICTIONARY_LANGS) {
  writeFileSync(DICTIONARY_FILES[lang], docs[lang]);
  console.log(`wrote ${DICTIONARY_FILES[lang]}`);
}
