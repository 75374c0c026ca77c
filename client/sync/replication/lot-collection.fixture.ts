import type { RxJsonSchema } from 'rxdb';
import type { LotDoc } from '../../../sync';

/** A collection of lots in RxDB, for the tests of RxDB replication: documents any down collection could hold. */
export const lotSchema: RxJsonSchema<LotDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    itemId: { type: 'string', maxLength: 40 },
    gtin: { type: 'string', maxLength: 14 },
    lotNumber: { type: 'string', maxLength: 20 },
    status: { type: 'string' },
    expiresOn: { type: ['string', 'null'] },
    manufacturedOn: { type: ['string', 'null'] },
    supplier: { type: ['string', 'null'] },
    supplierLot: { type: ['string', 'null'] },
    origin: { type: 'string' },
    recallCase: { type: ['string', 'null'] },
  },
  required: ['id', 'gtin', 'lotNumber', 'status'],
  indexes: [['gtin', 'lotNumber']],
};
