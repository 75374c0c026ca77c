import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { resolveOpConflict, sameDocument, type BalanceDoc, type ItemDoc, type LocationDoc, type LotDoc, type OpDoc, type PickListDoc, type PrinterDoc, type TemplateDoc } from '../../sync';
import { balanceSchema, itemSchema, locationSchema, lotSchema, opSchema, pickListMigrations, pickListSchema, printerSchema, templateSchema } from '../sync/replication';

addRxPlugin(RxDBMigrationSchemaPlugin);

export interface LotlineCollections {
  items: RxCollection<ItemDoc>;
  locations: RxCollection<LocationDoc>;
  lots: RxCollection<LotDoc>;
  balances: RxCollection<BalanceDoc>;
  picklists: RxCollection<PickListDoc>;
  printers: RxCollection<PrinterDoc>;
  templates: RxCollection<TemplateDoc>;
  ops: RxCollection<OpDoc>;
}

export type LotlineDatabase = RxDatabase<LotlineCollections>;

let opening: Promise<LotlineDatabase> | undefined;

/** The handheld's own database in IndexedDB: what it knows of the world, and what it did. */
export function openDatabase(name = 'lotline'): Promise<LotlineDatabase> {
  opening ??= (async () => {
    const db = await createRxDatabase<LotlineCollections>({ name, storage: getRxStorageDexie(), multiInstance: false, eventReduce: true });
    await db.addCollections({
      items: { schema: itemSchema },
      locations: { schema: locationSchema },
      lots: { schema: lotSchema },
      balances: { schema: balanceSchema },
      picklists: { schema: pickListSchema, migrationStrategies: pickListMigrations },
      printers: { schema: printerSchema },
      templates: { schema: templateSchema },
      ops: {
        schema: opSchema,
        // The server's copy of an op always wins: it owns the outcome, and the rest is what the
        // device itself sent.
        conflictHandler: {
          isEqual: (a, b) => sameDocument(a, b),
          resolve: async (input) => resolveOpConflict(input.realMasterState),
        },
      },
    });
    return db;
  })();
  return opening;
}
