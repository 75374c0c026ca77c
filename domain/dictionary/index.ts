export { DICTIONARY_LANGS, type ApiSchema, type DbColumn, type DbConstraint, type DbSnapshot, type Described, type Dictionary, type DictionaryEntity, type DictionaryField, type DictionaryLang, type DictionaryTable } from './model';
export { CURATED_NOTES, buildDictionary, type DictionaryNotes } from './build';
export { dictionaryMarkdown } from './markdown';
export { readCheck, checkRule, type CheckMeaning } from './checks';
export { UNITS, unitByConvention, words, generatedFieldText, type UnitKind } from './words';
export { COMMON_FIELDS, ENTITY_NOTES, TABLE_NOTES, type EntityNote, type FieldNote, type TableNote, type Text } from './annotations';
