/** The languages the dictionary is written in. */
export const DICTIONARY_LANGS = ['en', 'zh-CN'] as const;
export type DictionaryLang = (typeof DICTIONARY_LANGS)[number];

/** One column as information_schema describes it. */
export interface DbColumn {
  table: string;
  name: string;
  /** The PostgreSQL type as written in a migration: text, uuid, numeric(18,3), text[] ... */
  type: string;
  nullable: boolean;
  default: string | null;
}

/** A constraint as pg_constraint describes it, with the columns it names. */
export interface DbConstraint {
  table: string;
  name: string;
  kind: 'check' | 'foreign' | 'primary' | 'unique';
  columns: string[];
  definition: string;
}

/** The database's schema as read from a migrated database (server/dictionary/read-schema.ts). */
export interface DbSnapshot {
  tables: { name: string; kind: 'table' | 'view' }[];
  columns: DbColumn[];
  constraints: DbConstraint[];
}

/** The slice of JSON Schema (OpenAPI 3.1 components) the dictionary reads. */
export interface ApiSchema {
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: readonly unknown[];
  const?: unknown;
  $ref?: string;
  properties?: Record<string, ApiSchema>;
  required?: readonly string[];
  items?: ApiSchema;
  anyOf?: readonly ApiSchema[];
  oneOf?: readonly ApiSchema[];
  allOf?: readonly ApiSchema[];
  additionalProperties?: ApiSchema | boolean;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
}

/** Where a description came from: written by hand, or made from the name when nobody has yet. */
export type Described = 'curated' | 'generated';

export interface DictionaryField {
  name: string;
  type: string;
  nullable: boolean;
  /** The unit of a quantity or a time, when the field is one. */
  unit: string | null;
  /** The codes the field may hold (a CHECK constraint, a zod enum, or a curated list). */
  codes: string[] | null;
  /** Other constraints on the field: patterns, ranges, what it refers to. */
  rules: string[];
  description: string;
  described: Described;
}

export interface DictionaryTable {
  name: string;
  kind: 'table' | 'view';
  description: string;
  described: Described;
  fields: DictionaryField[];
  /** Constraints across several columns. */
  rules: string[];
}

export interface DictionaryEntity {
  /** The OpenAPI component name (a zod schema's `.openapi(name)`). */
  name: string;
  description: string;
  described: Described;
  /** Nested fields are named by their path: `terms.reason`, `lots[].lotId`. */
  fields: DictionaryField[];
}

export interface Dictionary {
  lang: DictionaryLang;
  tables: DictionaryTable[];
  entities: DictionaryEntity[];
}
