import { COMMON_FIELDS, ENTITY_NOTES, TABLE_NOTES, type EntityNote, type FieldNote, type TableNote } from './annotations';
import { readCheck } from './checks';
import type { ApiSchema, DbSnapshot, Dictionary, DictionaryEntity, DictionaryField, DictionaryLang, DictionaryTable } from './model';
import { UNITS, generatedFieldText, generatedTableText, unitByConvention, words } from './words';

/** The curated notes the dictionary is built with; tests pass their own to see what a gap looks like. */
export interface DictionaryNotes {
  tables: Readonly<Record<string, TableNote>>;
  entities: Readonly<Record<string, EntityNote>>;
  common: Readonly<Record<string, FieldNote>>;
}

export const CURATED_NOTES: DictionaryNotes = { tables: TABLE_NOTES, entities: ENTITY_NOTES, common: COMMON_FIELDS };

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function field(name: string, type: string, nullable: boolean, note: FieldNote | undefined, lang: DictionaryLang, found: { codes: string[] | null; rules: string[]; text?: string | undefined }): DictionaryField {
  const unit = note?.unit ?? unitByConvention(name, type);
  const curated = note?.text?.[lang];
  const text = curated ?? found.text;
  return {
    name,
    type,
    nullable,
    unit: unit ? UNITS[unit][lang] : null,
    codes: found.codes ?? (note?.codes ? [...note.codes] : null),
    rules: found.rules,
    description: text ?? generatedFieldText(name, type, lang),
    described: text !== undefined ? 'curated' : 'generated',
  };
}

function tables(snapshot: DbSnapshot, notes: DictionaryNotes, lang: DictionaryLang): DictionaryTable[] {
  return [...snapshot.tables].sort(byName).map((table) => {
    const note = notes.tables[table.name];
    const constraints = snapshot.constraints.filter((c) => c.table === table.name);
    const fields = snapshot.columns
      .filter((c) => c.table === table.name)
      .map((column) => {
        let codes: string[] | null = null;
        const rules: string[] = [];
        for (const c of constraints.filter((k) => k.columns.length === 1 && k.columns[0] === column.name)) {
          if (c.kind === 'primary') rules.push(lang === 'en' ? 'primary key' : '主键');
          else if (c.kind === 'unique') rules.push(lang === 'en' ? 'unique' : '唯一');
          else if (c.kind === 'foreign') rules.push(`→ ${/REFERENCES\s+([a-z0-9_."]+)\s*\(([^)]*)\)/i.exec(c.definition)?.slice(1, 3).join('.') ?? c.definition}`);
          else {
            const meaning = readCheck(c.definition);
            if ('codes' in meaning) codes = meaning.codes;
            else rules.push(meaning.rule);
          }
        }
        if (column.default !== null) rules.push(`${lang === 'en' ? 'default' : '默认'} ${column.default.replace(/::[a-z][a-z0-9 ]*(\[\])?/g, '')}`);
        const fieldNote = note?.fields?.[column.name] ?? notes.common[column.name];
        return field(column.name, column.type, column.nullable, fieldNote, lang, { codes, rules });
      });
    const rules = constraints.filter((c) => c.columns.length !== 1).map((c) => (c.kind === 'check' ? readCheckRule(c.definition) : c.definition));
    return {
      name: table.name,
      kind: table.kind,
      description: note?.text[lang] ?? generatedTableText(table.name, lang),
      described: note ? 'curated' : 'generated',
      fields,
      rules,
    };
  });
}

const readCheckRule = (definition: string) => {
  const meaning = readCheck(definition);
  return 'rule' in meaning ? meaning.rule : definition;
};

const REF = '#/components/schemas/';
const isNull = (s: ApiSchema) => s.type === 'null' || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === 'null');

/** The non-null alternatives of a schema (zod writes `.nullable()` as `anyOf [x, {type: null}]` or `type: [x, null]`). */
function alternatives(s: ApiSchema): ApiSchema[] {
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.filter((u) => !isNull(u)).flatMap(alternatives);
  return [s];
}

function nullableSchema(s: ApiSchema): boolean {
  if (s.nullable === true) return true;
  if (Array.isArray(s.type) && s.type.includes('null')) return true;
  if (s.enum?.includes(null)) return true;
  return (s.anyOf ?? s.oneOf ?? []).some((u) => isNull(u) || nullableSchema(u));
}

function baseType(s: ApiSchema): string {
  if (s.$ref) return s.$ref.startsWith(REF) ? s.$ref.slice(REF.length) : s.$ref;
  const types = (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []).filter((x) => x !== 'null');
  if (types[0] === 'array') return `${s.items ? typeOf(s.items) : 'unknown'}[]`;
  if (types[0] === 'object' && !s.properties && s.additionalProperties !== undefined && s.additionalProperties !== false) {
    return `map of ${typeof s.additionalProperties === 'object' ? typeOf(s.additionalProperties) : 'unknown'}`;
  }
  if (types.length > 0) return s.format ? `${types.join(' | ')} (${s.format})` : types.join(' | ');
  if (s.const !== undefined) return typeof s.const;
  return 'unknown';
}

function typeOf(s: ApiSchema): string {
  const alts = alternatives(s);
  const types = [...new Set(alts.map(baseType))];
  return types.join(' | ');
}

function codesOf(s: ApiSchema): string[] | null {
  const codes: string[] = [];
  for (const alt of alternatives(s)) {
    for (const v of alt.enum ?? []) if (v !== null) codes.push(String(v));
    if (alt.const !== undefined && alt.const !== null) codes.push(String(alt.const));
  }
  return codes.length > 0 ? [...new Set(codes)] : null;
}

/** The properties of an object schema, or of every object alternative of a union (first one wins). */
function propertiesOf(s: ApiSchema): { properties: [string, ApiSchema][]; required: Set<string> } {
  const properties = new Map<string, ApiSchema>();
  const alts = alternatives(s).flatMap((a) => (a.allOf ? a.allOf : [a])).filter((a) => a.properties);
  const counts = new Map<string, number>();
  for (const alt of alts) {
    for (const [name, prop] of Object.entries(alt.properties!)) if (!properties.has(name)) properties.set(name, prop);
    for (const name of alt.required ?? []) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  // A property is required only when every alternative requires it.
  return { properties: [...properties], required: new Set([...counts].filter(([, n]) => n === alts.length).map(([name]) => name)) };
}

const snake = (name: string) => words(name).join('_');
const MAX_DEPTH = 4;

function entityFields(schema: ApiSchema, note: EntityNote | undefined, notes: DictionaryNotes, lang: DictionaryLang): DictionaryField[] {
  const tableNote = note?.table ? notes.tables[note.table] : undefined;
  const out: DictionaryField[] = [];
  const walk = (s: ApiSchema, prefix: string, depth: number) => {
    const { properties, required } = propertiesOf(s);
    for (const [name, prop] of properties) {
      const path = `${prefix}${name}`;
      const type = typeOf(prop);
      const rules: string[] = [];
      if (!required.has(name)) rules.push(lang === 'en' ? 'optional' : '可省略');
      const alt = alternatives(prop)[0] ?? prop;
      if (alt.pattern) rules.push(`${lang === 'en' ? 'pattern' : '格式'} ${alt.pattern}`);
      if (alt.maxLength !== undefined) rules.push(`${lang === 'en' ? 'max length' : '最大长度'} ${alt.maxLength}`);
      if (alt.minimum !== undefined) rules.push(`≥ ${alt.minimum}`);
      if (alt.maximum !== undefined) rules.push(`≤ ${alt.maximum}`);
      const fieldNote = note?.fields?.[path] ?? (prefix === '' ? (tableNote?.fields?.[snake(name)] ?? notes.common[snake(name)]) : undefined);
      out.push(field(path, type, nullableSchema(prop), fieldNote, lang, { codes: codesOf(prop), rules, text: lang === 'en' ? prop.description ?? alt.description : undefined }));
      if (depth >= MAX_DEPTH) continue;
      const items = alternatives(prop).find((a) => a.items)?.items;
      if (propertiesOf(prop).properties.length > 0) walk(prop, `${path}.`, depth + 1);
      else if (items && propertiesOf(items).properties.length > 0) walk(items, `${path}[].`, depth + 1);
    }
  };
  walk(schema, '', 0);
  return out;
}

function entities(schemas: Readonly<Record<string, ApiSchema>>, notes: DictionaryNotes, lang: DictionaryLang): DictionaryEntity[] {
  return Object.entries(schemas)
    .map(([name, schema]) => {
      const note = notes.entities[name];
      const table = note?.table ? notes.tables[note.table] : undefined;
      const curated = note?.text?.[lang] ?? table?.text[lang] ?? (lang === 'en' ? schema.description : undefined);
      const own = propertiesOf(schema).properties.length > 0;
      const fields = own
        ? entityFields(schema, note, notes, lang)
        : // A component that is not an object (an enum, a union of scalars) is one value: list it as such.
          [field('(value)', typeOf(schema), nullableSchema(schema), undefined, lang, { codes: codesOf(schema), rules: [], text: curated })];
      return { name, description: curated ?? generatedTableText(name, lang), described: curated !== undefined ? ('curated' as const) : ('generated' as const), fields };
    })
    .sort(byName);
}

/**
 * The data dictionary in one language: every table and view of the database and every named
 * schema (component) of the API, each field with its type, nullability, unit, code list and a
 * description — curated where someone wrote one, generated from the name where nobody has yet.
 */
export function buildDictionary(snapshot: DbSnapshot, schemas: Readonly<Record<string, ApiSchema>>, lang: DictionaryLang, notes: DictionaryNotes = CURATED_NOTES): Dictionary {
  return { lang, tables: tables(snapshot, notes, lang), entities: entities(schemas, notes, lang) };
}
