import type { UdiDeviceRecord } from './record';

/** A coronary stent as the tests know it: one per pouch, 10 pouches a box, 5 boxes a case. */
export const STENT: UdiDeviceRecord = {
  basicUdiDi: '0614141STENT-ARF',
  packages: [
    { udiDi: '00614141000012', quantity: 1, contains: null },
    { udiDi: '10614141000019', quantity: 10, contains: '00614141000012' },
    { udiDi: '20614141000016', quantity: 5, contains: '10614141000019' },
  ],
  productionIdentifiers: {
    lot: true,
    serial: false,
    manufactureDate: true,
    expiry: true,
  },
  brandName: 'Lotline Stent A',
  modelNumber: 'SA-3012',
  catalogNumber: 'CAT-3012',
  description: 'Coronary drug-eluting stent, 3.0 mm x 12 mm',
  descriptionZh: '冠状动脉药物洗脱支架',
  clinicalSize: '3.0 mm × 12 mm',
  gmdnCode: '47921',
  emdnCode: 'P07040102',
  euRiskClass: 'III',
  manufacturerSrn: 'DE-MF-000012345',
  labelerDuns: '123456789',
  nmpa: {
    classification: 'III',
    registrationNumber: '国械注准20233130123',
    productName: '冠状动脉药物洗脱支架系统',
    registrantName: '示例医疗器械有限公司',
    classificationCode: '13-06-02',
  },
  sterile: true,
  sterilizationBeforeUse: false,
  singleUse: true,
  containsLatex: false,
  mriSafety: 'mr_conditional',
  storage: 'Store at 15-25 °C, dry, away from light',
  status: 'in_distribution',
};
