import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { pickLine } from '../../../domain/ops';
import type { ContainerDoc, InboundContainerDoc, ItemDoc, LocationDoc, OpDoc, PickListDoc, PrinterDoc, RecallCaseDoc, TemplateDoc } from '../../../sync';

/*
 * RxDB schemas of the handheld's collections. Nine collections: well inside the open-source
 * build's limit of 13 per page. Indexed strings need maxLength, indexed numbers bounds.
 */
const id = { type: 'string', maxLength: 40 } as const;
const text = { type: 'string' } as const;
const nullableText = { type: ['string', 'null'] } as const;

export const itemSchema: RxJsonSchema<ItemDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    gtin: { type: 'string', maxLength: 14 },
    sku: text,
    name: text,
    nameZh: nullableText,
    uom: text,
    shelfLifeDays: { type: ['number', 'null'] },
    nearExpiryDays: { type: 'array', items: { type: 'number' } },
    serialized: { type: 'boolean' },
    active: { type: 'boolean' },
  },
  required: ['id', 'gtin', 'sku', 'name'],
  indexes: ['gtin'],
};

export const locationSchema: RxJsonSchema<LocationDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id, code: { type: 'string', maxLength: 30 }, name: text, kind: text, active: { type: 'boolean' } },
  required: ['id', 'code'],
  indexes: ['code'],
};

/**
 * Version 1: the list's customer code and minimum shelf life, and per line what is picked and what remains.
 * Version 2: the lots a recall took off the list, with the case that did.
 */
export const pickListSchema: RxJsonSchema<PickListDoc> = {
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    number: text,
    customer: nullableText,
    customerCode: nullableText,
    minShelfLifeDays: { type: 'number' },
    toLocationId: id,
    lines: { type: 'array', items: { type: 'object' } },
    status: text,
    recallBreaks: { type: 'array', items: { type: 'object' } },
  },
  required: ['id', 'number'],
};

/**
 * Lists a device kept from before version 1 know no customer rule yet: they stay usable offline
 * until the replication (whose identifier follows the schema version) pulls them again whole.
 */
export const pickListMigrations: MigrationStrategies = {
  1: (old: { lines?: { gtin: string; qty: number; pickedQty?: number }[] } & Record<string, unknown>): PickListDoc =>
    ({ ...old, customerCode: null, minShelfLifeDays: 0, lines: (old.lines ?? []).map((l) => pickLine(l)) }) as unknown as PickListDoc,
  // Until the list is pulled again, a device cannot know of breaks: it shows none rather than guess.
  2: (old: PickListDoc): PickListDoc => ({ ...old, recallBreaks: old.recallBreaks ?? [] }),
};

export const printerSchema: RxJsonSchema<PrinterDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id, name: text, dpi: { type: 'number' }, locationCode: nullableText, state: text },
  required: ['id', 'name'],
};

export const templateSchema: RxJsonSchema<TemplateDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id, name: text, version: { type: 'number' }, kind: text },
  required: ['id', 'name', 'version'],
};

/** Version 1: the lots the case holds, so a handheld applies the hold before the lots arrive. */
export const recallSchema: RxJsonSchema<RecallCaseDoc> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: { id, number: text, state: text, consignees: { type: 'array', items: { type: 'object' } }, heldLots: { type: 'array', items: { type: 'string' } } },
  required: ['id', 'number', 'state', 'consignees'],
};

/** A case kept from before version 1 names no lots until it is pulled again: its lots still carry the hold themselves. */
export const recallMigrations: MigrationStrategies = {
  1: (old: RecallCaseDoc): RecallCaseDoc => ({ ...old, heldLots: old.heldLots ?? [] }),
};

/** A container kept from before version 1 knows of no label until it is pulled again: shown as not verified, never as verified. */
export const containerMigrations: MigrationStrategies = {
  1: (old: ContainerDoc): ContainerDoc => ({ ...old, labelVersion: old.labelVersion ?? null, labelVerifiedVersion: old.labelVerifiedVersion ?? null }),
};

/** Cases and pallets, found by the SSCC scanned; a child container names its parent. */
export const containerSchema: RxJsonSchema<ContainerDoc> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    sscc: { type: 'string', maxLength: 18 },
    spec: { type: 'object' },
    parent: nullableText,
    version: { type: 'number' },
    shipped: { type: 'boolean' },
    units: { type: 'array', items: { type: 'object' } },
    labelVersion: { type: ['number', 'null'] },
    labelVerifiedVersion: { type: ['number', 'null'] },
  },
  required: ['id', 'sscc', 'spec', 'version', 'units'],
  indexes: ['sscc'],
};

/** SSCCs open ship notices expect, and those received: found by the SSCC scanned at receiving. */
export const inboundSchema: RxJsonSchema<InboundContainerDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    sscc: { type: 'string', maxLength: 18 },
    notice: text,
    supplier: text,
    status: text,
    receivedAt: nullableText,
    lines: { type: 'array', items: { type: 'object' } },
  },
  required: ['id', 'sscc', 'notice', 'supplier', 'status', 'lines'],
  indexes: ['sscc'],
};

export const opSchema: RxJsonSchema<OpDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    type: text,
    deviceId: id,
    userId: id,
    deviceTime: { type: 'string', maxLength: 30 },
    payload: { type: 'object' },
    status: { type: 'string', maxLength: 12 },
    outcome: { type: ['object', 'null'] },
    appliedAt: nullableText,
  },
  required: ['id', 'type', 'deviceId', 'userId', 'deviceTime', 'payload', 'status'],
  indexes: ['status', 'deviceTime'],
};
