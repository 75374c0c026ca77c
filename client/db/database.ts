import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { resolveOpConflict, sameDocument, type ContainerDoc, type InboundContainerDoc, type ItemDoc, type LocationDoc, type OpDoc, type PickListDoc, type PrinterDoc, type RecallCaseDoc, type TemplateDoc } from '../../sync';
import { containerMigrations, containerSchema, inboundSchema, itemSchema, locationSchema, opSchema, pickListMigrations, pickListSchema, printerSchema, recallMigrations, recallSchema, templateSchema } from '../sync/replication';

addRxPlugin(RxDBMigrationSchemaPlugin);

export interface LotlineCollections {
  items: RxCollection<ItemDoc>;
  locations: RxCollection<LocationDoc>;
  picklists: RxCollection<PickListDoc>;
  printers: RxCollection<PrinterDoc>;
  templates: RxCollection<TemplateDoc>;
  recalls: RxCollection<RecallCaseDoc>;
  containers: RxCollection<ContainerDoc>;
  inbound: RxCollection<InboundContainerDoc>;
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
      picklists: { schema: pickListSchema, migrationStrategies: pickListMigrations },
      printers: { schema: printerSchema },
      templates: { schema: templateSchema },
      recalls: { schema: recallSchema, migrationStrategies: recallMigrations },
      containers: { schema: containerSchema, migrationStrategies: containerMigrations },
      inbound: { schema: inboundSchema },
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
    void forgetRetiredCollections(name);
    return db;
  })();
  return opening;
}

/**
 * Lots and balances were RxDB collections before the lot store held them; their IndexedDB
 * databases are only taking room now. Best effort: a browser without databases() keeps them.
 */
async function forgetRetiredCollections(name: string): Promise<void> {
  const retired = new RegExp(`^rxdb-dexie-${name}--\\d+--(lots|balances)$`);
  const all = (await indexedDB.databases?.().catch(() => [])) ?? [];
  for (const { name: found } of all) if (found && retired.test(found)) indexedDB.deleteDatabase(found);
}
