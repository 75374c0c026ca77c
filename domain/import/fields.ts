import type { ImportKind } from './types';

export type FieldType = 'gtin' | 'lot' | 'serial' | 'date' | 'qty' | 'days' | 'bool' | 'text' | 'code' | 'location' | 'status' | 'origin' | 'phone';

export interface ImportField {
  name: string;
  type: FieldType;
  required: boolean;
  /** Longest text kept, where the type does not already bound it. */
  max?: number;
  /** Header names this field is known by in legacy files, English and Chinese. */
  aliases: readonly string[];
}

const f = (name: string, type: FieldType, required: boolean, aliases: readonly string[], max?: number): ImportField => ({ name, type, required, aliases, ...(max ? { max } : {}) });

const GTIN = ['gtin', 'gtin14', 'gtin-14', 'item gtin', 'product gtin', 'ean', 'barcode', 'udi-di', 'di', '商品条码', '产品条码', '条码', '产品标识', 'gtin码', '商品编码'];
const LOT = ['lot', 'lot number', 'lot no', 'lot no.', 'lot#', 'batch', 'batch number', 'batch no', '批号', '生产批号', '批次', '批次号'];
const QTY = ['qty', 'quantity', 'amount', '数量', '库存数量'];

/** Each kind's fields in the order the report and the mapping table show them. */
export const IMPORT_FIELDS: Readonly<Record<ImportKind, readonly ImportField[]>> = {
  items: [
    f('gtin', 'gtin', true, GTIN),
    f('sku', 'code', true, ['sku', 'item code', 'item no', 'part number', 'part no', 'material', '物料编码', '物料号', '产品编码', '料号', '货号']),
    f('name', 'text', true, ['name', 'item name', 'product name', 'description', '名称', '产品名称', '物料名称', '品名'], 200),
    f('nameZh', 'text', false, ['name zh', 'chinese name', 'name (zh)', '中文名称', '中文名'], 200),
    f('uom', 'code', false, ['uom', 'unit', 'unit of measure', '单位', '计量单位']),
    f('shelfLifeDays', 'days', false, ['shelf life', 'shelf life days', 'shelf life (days)', '有效期天数', '保质期', '保质期(天)']),
    f('serialized', 'bool', false, ['serialized', 'serial managed', 'serialised', '序列号管理', '是否序列号管理']),
  ],
  lots: [
    f('gtin', 'gtin', true, GTIN),
    f('lotNumber', 'lot', true, LOT),
    f('supplier', 'text', false, ['supplier', 'vendor', 'manufacturer', '供应商', '生产厂家'], 100),
    f('supplierLot', 'lot', false, ['supplier lot', 'vendor lot', 'supplier batch', '供应商批号', '厂家批号']),
    f('manufacturedOn', 'date', false, ['manufactured', 'manufactured on', 'manufacture date', 'mfg date', 'production date', 'date of manufacture', '生产日期']),
    f('expiresOn', 'date', false, ['expiry', 'expiry date', 'expires', 'expires on', 'expiration date', 'exp date', 'use by', '有效期', '有效期至', '失效日期', '到期日']),
    f('status', 'status', false, ['status', 'lot status', 'quality status', '状态', '批次状态', '质量状态']),
    f('qcRecord', 'text', false, ['qc record', 'qc', 'coa', 'inspection record', 'release record', '检验记录', '检验单号', '放行单号', '检验报告'], 100),
    f('origin', 'origin', false, ['origin', 'source', 'lot origin', '来源']),
  ],
  stock: [
    f('gtin', 'gtin', true, GTIN),
    f('lotNumber', 'lot', true, LOT),
    f('locationCode', 'location', true, ['location', 'location code', 'bin', 'storage location', '库位', '货位', '库位编码', '储位']),
    f('qty', 'qty', true, QTY),
  ],
  genealogy: [
    f('parentGtin', 'gtin', true, ['parent gtin', 'component gtin', 'input gtin', '组件gtin', '原料gtin', '父gtin']),
    f('parentLot', 'lot', true, ['parent lot', 'component lot', 'input lot', '组件批号', '原料批号', '父批号']),
    f('childGtin', 'gtin', true, ['child gtin', 'finished gtin', 'output gtin', '成品gtin', '子gtin']),
    f('childLot', 'lot', true, ['child lot', 'finished lot', 'output lot', '成品批号', '子批号']),
    f('qty', 'qty', true, QTY),
  ],
  shipments: [
    f('shipmentNumber', 'code', true, ['shipment', 'shipment number', 'shipment no', 'delivery', 'delivery number', 'delivery note', 'dn', '发货单号', '出库单号', '送货单号']),
    f('customerCode', 'code', true, ['customer', 'customer code', 'customer no', 'customer id', '客户编码', '客户代码', '客户编号']),
    f('customerName', 'text', false, ['customer name', '客户名称', '客户'], 200),
    f('consigneeName', 'text', false, ['consignee', 'consignee name', 'ship to', 'recipient', '收货人', '收货单位', '收货方'], 200),
    f('address', 'text', false, ['address', 'ship to address', 'delivery address', '地址', '收货地址', '送货地址'], 500),
    f('phone', 'phone', false, ['phone', 'telephone', 'tel', 'contact phone', '电话', '联系电话', '收货人电话']),
    f('gtin', 'gtin', true, GTIN),
    f('lotNumber', 'lot', true, LOT),
    f('serial', 'serial', false, ['serial', 'serial number', 'sn', 's/n', '序列号']),
    f('qty', 'qty', true, QTY),
    f('shippedOn', 'date', true, ['shipped', 'shipped on', 'ship date', 'shipping date', 'delivery date', '发货日期', '出库日期']),
  ],
};

/** The fields that say which record a row is: re-importing a row with the same key finds what it wrote. */
export const NATURAL_KEYS: Readonly<Record<ImportKind, readonly string[]>> = {
  items: ['gtin'],
  lots: ['gtin', 'lotNumber'],
  stock: ['gtin', 'lotNumber', 'locationCode'],
  genealogy: ['parentGtin', 'parentLot', 'childGtin', 'childLot'],
  shipments: ['shipmentNumber', 'gtin', 'lotNumber', 'serial'],
};

export const fieldOf = (kind: ImportKind, name: string): ImportField | undefined => IMPORT_FIELDS[kind].find((x) => x.name === name);
