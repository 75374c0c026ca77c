import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../errors';
import type { AppDeps, AppEnv } from '../../http/env';
import { ErrorSchema, UuidParam, authErrors, badRequest, bearer, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';

const ItemSchema = z
  .object({
    id: z.string(),
    gtin: z.string(),
    sku: z.string(),
    name: z.string(),
    nameZh: z.string().nullable(),
    uom: z.string(),
    udiDi: z.string().nullable(),
    shelfLifeDays: z.number().int().nullable(),
    nearExpiryDays: z.array(z.number().int()),
    serialized: z.boolean(),
    version: z.number().int(),
  })
  .openapi('Item');

const LocationSchema = z
  .object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string(), version: z.number().int() })
  .openapi('Location');

const LOT_STATUSES = ['quarantine', 'released', 'rejected', 'on_hold', 'expired', 'recalled', 'scrapped', 'returned'] as const;

const LotSchema = z
  .object({
    id: z.string(),
    lotNumber: z.string(),
    itemId: z.string(),
    gtin: z.string(),
    itemName: z.string(),
    itemNameZh: z.string().nullable(),
    supplier: z.string().nullable(),
    supplierLot: z.string().nullable(),
    manufacturedOn: z.string().nullable(),
    expiresOn: z.string().nullable(),
    origin: z.enum(['received', 'produced']),
    status: z.enum(LOT_STATUSES),
    onHand: z.number(),
    version: z.number().int(),
  })
  .openapi('Lot');

const BalanceSchema = z.object({ locationId: z.string(), locationCode: z.string(), qty: z.number() }).openapi('Balance');

const items = createRoute({
  method: 'get',
  path: '/api/items',
  tags: ['catalog'],
  summary: 'Items (products) with their GTINs',
  security: bearer,
  request: { query: z.object({ gtin: z.string().regex(/^\d{14}$/, 'must be 14 digits').optional() }) },
  responses: { 200: jsonResponse('Items', z.object({ items: z.array(ItemSchema) })), ...badRequest, ...authErrors },
});

const locations = createRoute({
  method: 'get',
  path: '/api/locations',
  tags: ['catalog'],
  summary: 'Stock locations',
  security: bearer,
  responses: { 200: jsonResponse('Locations', z.object({ locations: z.array(LocationSchema) })), ...authErrors },
});

const lots = createRoute({
  method: 'get',
  path: '/api/lots',
  tags: ['lots'],
  summary: 'Lots, filtered by status, item or lot number',
  security: bearer,
  request: {
    query: z.object({
      status: z.enum(LOT_STATUSES).optional(),
      gtin: z.string().regex(/^\d{14}$/, 'must be 14 digits').optional(),
      lotNumber: z.string().max(20).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
  },
  responses: { 200: jsonResponse('Lots', z.object({ lots: z.array(LotSchema) })), ...badRequest, ...authErrors },
});

const lot = createRoute({
  method: 'get',
  path: '/api/lots/{id}',
  tags: ['lots'],
  summary: 'One lot with its balances by location',
  security: bearer,
  request: { params: UuidParam },
  responses: { 200: jsonResponse('The lot', z.object({ lot: LotSchema, balances: z.array(BalanceSchema) })), ...badRequest, ...authErrors, 404: jsonResponse('No such lot', ErrorSchema) },
});

interface ItemRow {
  id: string;
  gtin: string;
  sku: string;
  name: string;
  name_zh: string | null;
  uom: string;
  udi_di: string | null;
  shelf_life_days: number | null;
  near_expiry_days: number[];
  serialized: boolean;
  version: number;
}

interface LotRow {
  id: string;
  lot_number: string;
  item_id: string;
  gtin: string;
  item_name: string;
  item_name_zh: string | null;
  supplier: string | null;
  supplier_lot: string | null;
  manufactured_on: string | null;
  expires_on: string | null;
  origin: 'received' | 'produced';
  status: (typeof LOT_STATUSES)[number];
  on_hand: string;
  version: number;
}

const LOT_SELECT = `SELECT l.id, l.lot_number, l.item_id, i.gtin, i.name AS item_name, i.name_zh AS item_name_zh, l.supplier, l.supplier_lot,
       to_char(l.manufactured_on, 'YYYY-MM-DD') AS manufactured_on, to_char(l.expires_on, 'YYYY-MM-DD') AS expires_on,
       l.origin, l.status, l.version,
       COALESCE((SELECT sum(b.qty) FROM stock_balances b WHERE b.lot_id = l.id), 0)::text AS on_hand
  FROM lots l JOIN items i ON i.id = l.item_id`;

function toLot(r: LotRow) {
  return {
    id: r.id,
    lotNumber: r.lot_number,
    itemId: r.item_id,
    gtin: r.gtin,
    itemName: r.item_name,
    itemNameZh: r.item_name_zh,
    supplier: r.supplier,
    supplierLot: r.supplier_lot,
    manufacturedOn: r.manufactured_on,
    expiresOn: r.expires_on,
    origin: r.origin,
    status: r.status,
    onHand: Number(r.on_hand),
    version: r.version,
  };
}

export function catalogRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(items, async (c) => {
      const { gtin } = c.req.valid('query');
      const result = await deps.db.query<ItemRow>(
        `SELECT id, gtin, sku, name, name_zh, uom, udi_di, shelf_life_days, near_expiry_days, serialized, version
           FROM items WHERE active AND ($1::text IS NULL OR gtin = $1) ORDER BY sku`,
        [gtin ?? null],
      );
      const list = result.rows.map((r) => ({
        id: r.id,
        gtin: r.gtin,
        sku: r.sku,
        name: r.name,
        nameZh: r.name_zh,
        uom: r.uom,
        udiDi: r.udi_di,
        shelfLifeDays: r.shelf_life_days,
        nearExpiryDays: r.near_expiry_days,
        serialized: r.serialized,
        version: r.version,
      }));
      return c.json({ items: list }, 200);
    })
    .openapi(locations, async (c) => {
      const result = await deps.db.query<{ id: string; code: string; name: string; kind: string; version: number }>(
        'SELECT id, code, name, kind, version FROM locations WHERE active ORDER BY code',
      );
      return c.json({ locations: result.rows }, 200);
    })
    .openapi(lots, async (c) => {
      const q = c.req.valid('query');
      const result = await deps.db.query<LotRow>(
        `${LOT_SELECT}
          WHERE ($1::text IS NULL OR l.status = $1) AND ($2::text IS NULL OR i.gtin = $2) AND ($3::text IS NULL OR l.lot_number = $3)
          ORDER BY l.expires_on NULLS LAST, l.lot_number LIMIT $4`,
        [q.status ?? null, q.gtin ?? null, q.lotNumber ?? null, q.limit],
      );
      return c.json({ lots: result.rows.map(toLot) }, 200);
    })
    .openapi(lot, async (c) => {
      const id = c.req.valid('param').id;
      const found = await deps.db.query<LotRow>(`${LOT_SELECT} WHERE l.id = $1`, [id]);
      const row = found.rows[0];
      if (!row) throw new AppError(404, 'not_found', 'That lot was not found.');
      const balances = await deps.db.query<{ location_id: string; code: string; qty: string }>(
        `SELECT b.location_id, loc.code, b.qty::text AS qty FROM stock_balances b JOIN locations loc ON loc.id = b.location_id
          WHERE b.lot_id = $1 AND b.qty <> 0 ORDER BY loc.code`,
        [id],
      );
      return c.json({ lot: toLot(row), balances: balances.rows.map((b) => ({ locationId: b.location_id, locationCode: b.code, qty: Number(b.qty) })) }, 200);
    });
}
