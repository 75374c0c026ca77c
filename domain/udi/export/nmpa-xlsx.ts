import ExcelJS from 'exceljs';
import type { NmpaDevice, NmpaPackage } from './nmpa';

type DeviceColumn = Exclude<keyof NmpaDevice, 'packages'>;

/** The NMPA UDID bulk template's product sheet: one row per minimum sales unit, by its Chinese column names. */
export const NMPA_DEVICE_COLUMNS: readonly (readonly [DeviceColumn, string])[] = [
  ['ZXXSDYCPBS', '最小销售单元产品标识'],
  ['CPBSBMTXMC', '产品标识编码体系名称'],
  ['ZXXSDYZSYDYSL', '最小销售单元中使用单元的数量'],
  ['CPMCTYMC', '产品名称/通用名称'],
  ['SPMC', '商品名称'],
  ['GGXH', '规格型号'],
  ['CPMS', '产品描述'],
  ['CPHHHBH', '产品货号或编号'],
  ['FLBM', '分类编码'],
  ['GLLB', '管理类别'],
  ['YLQXZCRBARMC', '医疗器械注册人/备案人名称'],
  ['ZCZBHHZBAPZBH', '注册证编号或者备案凭证编号'],
  ['SCBSSFBHPH', '生产标识是否包含批号'],
  ['SCBSSFBHXLH', '生产标识是否包含序列号'],
  ['SCBSSFBHSCRQ', '生产标识是否包含生产日期'],
  ['SCBSSFBHSXRQ', '生产标识是否包含失效日期'],
  ['SFWYCXSY', '是否为一次性使用'],
  ['SFWWJBZ', '是否为无菌包装'],
  ['SYQSFXYJXMJ', '使用前是否需要进行灭菌'],
  ['TSCCHCZTJ', '特殊储存或操作条件'],
  ['TSCCSM', '特殊尺寸说明'],
  ['CPBSFBRQ', '产品标识发布日期'],
];

/** The package sheet: one row per package level, tied to its device by the minimum sales unit's identifier. */
export const NMPA_PACKAGE_COLUMNS: readonly (readonly ['ZXXSDYCPBS' | keyof NmpaPackage, string])[] = [
  ['ZXXSDYCPBS', '最小销售单元产品标识'],
  ['BZCPBS', '包装产品标识'],
  ['CPBZJB', '产品包装级别'],
  ['BZNHXYJBZCPBS', '包装内含小一级包装产品标识'],
  ['BZNHXYJCPBSSL', '包装内含小一级产品标识数量'],
];

export const NMPA_DEVICE_SHEET = '产品标识信息';
export const NMPA_PACKAGE_SHEET = '包装标识信息';

/** The template answers yes/no questions in words, where the data items' JSON has 1 and 0. */
const YES_NO: ReadonlySet<DeviceColumn> = new Set(['SCBSSFBHPH', 'SCBSSFBHXLH', 'SCBSSFBHSCRQ', 'SCBSSFBHSXRQ', 'SFWYCXSY', 'SFWWJBZ', 'SYQSFXYJXMJ']);
const COUNTS: ReadonlySet<string> = new Set(['ZXXSDYZSYDYSL', 'BZNHXYJCPBSSL']);

function sheet(workbook: ExcelJS.Workbook, name: string, headers: readonly string[], rows: (string | number)[][], numeric: readonly boolean[]): void {
  const ws = workbook.addWorksheet(name);
  ws.addRow([...headers]);
  ws.getRow(1).font = { bold: true };
  // Identifiers keep their leading zeros and dates stay text only in text-formatted cells.
  headers.forEach((h, i) => {
    const column = ws.getColumn(i + 1);
    column.width = Math.max(12, h.length * 2 + 2);
    if (!numeric[i]) column.numFmt = '@';
  });
  for (const row of rows) ws.addRow(row);
}

/**
 * The NMPA UDID bulk upload template (XLSX) of one device, from the same data items as the JSON
 * export. The workbook is dated by the publication date so the same entry gives the same sheets.
 */
export async function nmpaWorkbook(device: NmpaDevice): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const dated = new Date(`${device.CPBSFBRQ}T00:00:00Z`);
  workbook.creator = 'Lotline';
  workbook.created = dated;
  workbook.modified = dated;
  sheet(
    workbook,
    NMPA_DEVICE_SHEET,
    NMPA_DEVICE_COLUMNS.map(([, h]) => h),
    [NMPA_DEVICE_COLUMNS.map(([key]) => (YES_NO.has(key) ? (device[key] === 1 ? '是' : '否') : device[key]))],
    NMPA_DEVICE_COLUMNS.map(([key]) => COUNTS.has(key)),
  );
  sheet(
    workbook,
    NMPA_PACKAGE_SHEET,
    NMPA_PACKAGE_COLUMNS.map(([, h]) => h),
    device.packages.map((p) => NMPA_PACKAGE_COLUMNS.map(([key]) => (key === 'ZXXSDYCPBS' ? device.ZXXSDYCPBS : p[key]))),
    NMPA_PACKAGE_COLUMNS.map(([key]) => COUNTS.has(key)),
  );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
