import { addRxPlugin, createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import type { PickListDoc } from '../../../sync';
import { pickListMigrations, pickListSchema } from './schemas';

addRxPlugin(RxDBMigrationSchemaPlugin);

/** The pick list schema as devices before version 1 stored it. */
const versionZero: RxJsonSchema<Record<string, unknown>> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, number: { type: 'string' }, customer: { type: ['string', 'null'] }, toLocationId: { type: 'string', maxLength: 40 }, lines: { type: 'array', items: { type: 'object' } }, status: { type: 'string' } },
  required: ['id', 'number'],
};

describe('pick list schema, version 0 to 1', () => {
  it('keeps a list a device already holds, with its lines worked out and no customer rule until it is pulled again', async () => {
    const storage = getRxStorageMemory();
    const name = `picklists-${Math.random().toString(36).slice(2)}`;
    const old = await createRxDatabase<{ picklists: RxCollection<Record<string, unknown>> }>({ name, storage, multiInstance: false });
    await old.addCollections({ picklists: { schema: versionZero } });
    await old.picklists.insert({ id: 'pl-1', number: 'PL-0001', customer: '上海市第一人民医院', toLocationId: 'loc-1', lines: [{ gtin: '06901234000016', qty: 500, pickedQty: 0 }], status: 'open' });
    await old.close();

    const upgraded = await createRxDatabase<{ picklists: RxCollection<PickListDoc> }>({ name, storage, multiInstance: false });
    await upgraded.addCollections({ picklists: { schema: pickListSchema, migrationStrategies: pickListMigrations } });
    const doc = await upgraded.picklists.findOne('pl-1').exec();
    expect(doc?.toJSON()).toMatchObject({
      number: 'PL-0001',
      customer: '上海市第一人民医院',
      customerCode: null,
      minShelfLifeDays: 0,
      lines: [{ gtin: '06901234000016', qty: 500, pickedQty: 0, remainingQty: 500, status: 'open' }],
    });
    await upgraded.close();
  });
});

describe('pick list schema, version 1 to 2', () => {
  it('keeps a list a device already holds, with no recall breaks until it is pulled again', async () => {
    const storage = getRxStorageMemory();
    const name = `picklists-${Math.random().toString(36).slice(2)}`;
    const versionOne = { ...pickListSchema, version: 1, properties: Object.fromEntries(Object.entries(pickListSchema.properties).filter(([key]) => key !== 'recallBreaks')) } as RxJsonSchema<Record<string, unknown>>;
    const old = await createRxDatabase<{ picklists: RxCollection<Record<string, unknown>> }>({ name, storage, multiInstance: false });
    await old.addCollections({ picklists: { schema: versionOne, migrationStrategies: { 1: (doc: Record<string, unknown>) => doc } } });
    await old.picklists.insert({ id: 'pl-2', number: 'PL-0002', customer: null, customerCode: 'HOSP-SH1', minShelfLifeDays: 90, toLocationId: 'loc-1', lines: [{ gtin: '06901234000016', qty: 5, pickedQty: 5, remainingQty: 0, status: 'done' }], status: 'done' });
    await old.close();

    const upgraded = await createRxDatabase<{ picklists: RxCollection<PickListDoc> }>({ name, storage, multiInstance: false });
    await upgraded.addCollections({ picklists: { schema: pickListSchema, migrationStrategies: pickListMigrations } });
    const doc = await upgraded.picklists.findOne('pl-2').exec();
    expect(doc?.toJSON()).toMatchObject({ number: 'PL-0002', customerCode: 'HOSP-SH1', minShelfLifeDays: 90, status: 'done', recallBreaks: [] });
    await upgraded.close();
  });
});
