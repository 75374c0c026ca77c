import type { Role } from '../../domain/auth';

/**
 * A small plant: a syringe line with its components, a few finished devices, and the usual
 * locations. GTINs use a fictitious company prefix in GS1 China's 690-699 range, with valid
 * check digits.
 */
export const demoItems = [
  { gtin: '06901234000016', sku: 'SYR-5ML', name: 'Sterile syringe 5 ml', nameZh: '一次性使用无菌注射器 5ml', shelfLifeDays: 1095, serialized: false },
  { gtin: '06901234000023', sku: 'INF-SET', name: 'Infusion set, gravity', nameZh: '一次性使用输液器 重力输液式', shelfLifeDays: 1095, serialized: false },
  { gtin: '06901234000030', sku: 'MASK-SURG', name: 'Surgical mask, type IIR', nameZh: '医用外科口罩', shelfLifeDays: 730, serialized: false },
  { gtin: '06901234000047', sku: 'TUBE-EDTA', name: 'Vacuum blood collection tube, EDTA', nameZh: '一次性使用真空采血管 EDTA', shelfLifeDays: 540, serialized: false },
  { gtin: '06901234000054', sku: 'CVC-7F', name: 'Central venous catheter 7 Fr', nameZh: '一次性使用中心静脉导管 7Fr', shelfLifeDays: 1095, serialized: true },
  { gtin: '06901234000115', sku: 'CMP-BARREL', name: 'Syringe barrel, polypropylene (component)', nameZh: '聚丙烯针筒（组件）', shelfLifeDays: 1825, serialized: false },
  { gtin: '06901234000122', sku: 'CMP-PLUNGER', name: 'Plunger stopper, rubber (component)', nameZh: '橡胶活塞（组件）', shelfLifeDays: 1825, serialized: false },
] as const;

export const demoLocations = [
  { code: 'RCV-01', name: 'Receiving dock 1', kind: 'receiving' },
  { code: 'QA-HOLD', name: 'Quarantine cage', kind: 'quarantine' },
  { code: 'A-01-01', name: 'Aisle A, bay 01, level 01', kind: 'storage' },
  { code: 'A-01-02', name: 'Aisle A, bay 01, level 02', kind: 'storage' },
  { code: 'B-02-01', name: 'Aisle B, bay 02, level 01', kind: 'storage' },
  { code: 'PRD-L1', name: 'Production line 1', kind: 'production' },
  { code: 'SHP-01', name: 'Shipping dock 1', kind: 'shipping' },
  { code: 'SCRAP', name: 'Scrap', kind: 'scrap' },
] as const;

/** Lots relative to today, so near-expiry and expired examples stay so whenever the demo is loaded. */
export const demoLots = [
  { sku: 'CMP-BARREL', lotNumber: 'PP2410A', supplier: 'Ningbo Polymer Co.', supplierLot: 'NB-77812', madeDaysAgo: 60, expiresInDays: 1700, status: 'released', at: 'A-01-01', qty: 12000 },
  { sku: 'CMP-PLUNGER', lotNumber: 'RB2409C', supplier: 'Suzhou Elastomer Ltd.', supplierLot: 'SZ-2409-33', madeDaysAgo: 90, expiresInDays: 1600, status: 'released', at: 'A-01-02', qty: 15000 },
  { sku: 'CMP-BARREL', lotNumber: 'PP2411B', supplier: 'Ningbo Polymer Co.', supplierLot: 'NB-78030', madeDaysAgo: 10, expiresInDays: 1800, status: 'quarantine', at: 'QA-HOLD', qty: 8000 },
  { sku: 'SYR-5ML', lotNumber: 'S24110701', supplier: null, supplierLot: null, madeDaysAgo: 16, expiresInDays: 1079, status: 'released', at: 'B-02-01', qty: 2400 },
  { sku: 'SYR-5ML', lotNumber: 'S24030502', supplier: null, supplierLot: null, madeDaysAgo: 1000, expiresInDays: 25, status: 'released', at: 'B-02-01', qty: 300 },
  { sku: 'MASK-SURG', lotNumber: 'M2405K', supplier: 'Xiantao Medical Textiles', supplierLot: 'XT0518', madeDaysAgo: 180, expiresInDays: 550, status: 'on_hold', at: 'A-01-02', qty: 5000 },
  { sku: 'TUBE-EDTA', lotNumber: 'T2311E', supplier: 'Jiangxi Labware', supplierLot: 'JX-11-09', madeDaysAgo: 560, expiresInDays: -20, status: 'expired', at: 'QA-HOLD', qty: 600 },
  { sku: 'INF-SET', lotNumber: 'IS2411D', supplier: null, supplierLot: null, madeDaysAgo: 3, expiresInDays: 1092, status: 'quarantine', at: 'QA-HOLD', qty: 1200 },
] as const;

export const demoUsers: { username: string; displayName: string; roles: Role[]; locale: 'zh-CN' | 'en' }[] = [
  { username: 'clerk', displayName: '王芳 (receiving)', roles: ['operator'], locale: 'zh-CN' },
  { username: 'picker', displayName: '李强 (picking)', roles: ['operator'], locale: 'zh-CN' },
  { username: 'qa', displayName: '陈静 (QA)', roles: ['qc'], locale: 'zh-CN' },
  { username: 'supervisor', displayName: '张伟 (supervisor)', roles: ['supervisor'], locale: 'zh-CN' },
  { username: 'labels', displayName: 'Maria Lopez (labels)', roles: ['labeladmin'], locale: 'en' },
];

export const demoCustomers = [
  { code: 'HOSP-SH1', name: '上海市第一人民医院', minShelfLifeDays: 180 },
  { code: 'DIST-BJ', name: '北京医药分销有限公司', minShelfLifeDays: 90 },
  { code: 'EXPORT-EU', name: 'MedSupply Europe B.V.', minShelfLifeDays: 365 },
] as const;

/** How the demo's finished syringe lot was made, and where part of it went. */
export const demoProduction = {
  workOrder: 'WO-DEMO-001',
  finished: 'S24110701',
  components: [
    { lotNumber: 'PP2410A', qty: 2500 },
    { lotNumber: 'RB2409C', qty: 2500 },
  ],
  shipment: { number: 'SH-DEMO-001', customer: 'DIST-BJ', qty: 100, from: 'B-02-01' },
} as const;

