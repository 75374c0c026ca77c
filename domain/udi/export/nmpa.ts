import type { UdiDeviceRecord } from '../record';
import { validateForSubmission, type SubmissionProblem } from '../validate';
import { levelsFromBase } from './levels';

export type ExportResult<T> = { ok: true; document: T } | { ok: false; problems: SubmissionProblem[] };

/** One package level of the NMPA UDI database (包装信息). */
export interface NmpaPackage {
  /** 包装产品标识 */
  BZCPBS: string;
  /** 产品包装级别: 1 for the package holding the minimum sales unit, rising outward. */
  CPBZJB: string;
  /** 包装内含小一级包装产品标识 */
  BZNHXYJBZCPBS: string;
  /** 包装内含小一级产品标识数量 */
  BZNHXYJCPBSSL: number;
}

/** A device's data as the NMPA UDI database (YY/T 1753 data items) takes it, one per UDI-DI of the minimum sales unit. */
export interface NmpaDevice {
  /** 最小销售单元产品标识 */
  ZXXSDYCPBS: string;
  /** 产品标识编码体系名称 */
  CPBSBMTXMC: 'GS1';
  /** 最小销售单元中使用单元的数量 */
  ZXXSDYZSYDYSL: number;
  /** 产品名称/通用名称 */
  CPMCTYMC: string;
  /** 商品名称 */
  SPMC: string;
  /** 规格型号 */
  GGXH: string;
  /** 产品描述 */
  CPMS: string;
  /** 产品货号或编号 */
  CPHHHBH: string;
  /** 分类编码 */
  FLBM: string;
  /** 管理类别 */
  GLLB: string;
  /** 医疗器械注册人/备案人名称 */
  YLQXZCRBARMC: string;
  /** 注册证编号或者备案凭证编号 */
  ZCZBHHZBAPZBH: string;
  /** 生产标识是否包含批号 / 序列号 / 生产日期 / 失效日期: 1 yes, 0 no */
  SCBSSFBHPH: 0 | 1;
  SCBSSFBHXLH: 0 | 1;
  SCBSSFBHSCRQ: 0 | 1;
  SCBSSFBHSXRQ: 0 | 1;
  /** 是否为一次性使用 */
  SFWYCXSY: 0 | 1;
  /** 是否为无菌包装 */
  SFWWJBZ: 0 | 1;
  /** 使用前是否需要进行灭菌 */
  SYQSFXYJXMJ: 0 | 1;
  /** 特殊储存或操作条件 */
  TSCCHCZTJ: string;
  /** 特殊尺寸说明 */
  TSCCSM: string;
  /** 产品标识发布日期 (YYYY-MM-DD) */
  CPBSFBRQ: string;
  packages: NmpaPackage[];
}

const flag = (b: boolean): 0 | 1 => (b ? 1 : 0);

/**
 * The NMPA UDI database entry of a published record. A record the pre-submission check finds
 * anything wrong with is not exported: the problems come back instead.
 */
export function nmpaExport(record: UdiDeviceRecord, publishedOn: string): ExportResult<NmpaDevice> {
  const problems = validateForSubmission(record, ['NMPA']);
  if (problems.length > 0) return { ok: false, problems };
  const [base, ...above] = levelsFromBase(record);
  const n = record.nmpa;
  return {
    ok: true,
    document: {
      ZXXSDYCPBS: base!.pkg.udiDi,
      CPBSBMTXMC: 'GS1',
      ZXXSDYZSYDYSL: base!.pkg.quantity,
      CPMCTYMC: n.productName!,
      SPMC: record.brandName,
      GGXH: record.modelNumber,
      CPMS: record.descriptionZh!,
      CPHHHBH: record.catalogNumber ?? '',
      FLBM: n.classificationCode!,
      GLLB: n.classification!,
      YLQXZCRBARMC: n.registrantName!,
      ZCZBHHZBAPZBH: n.registrationNumber!,
      SCBSSFBHPH: flag(record.productionIdentifiers.lot),
      SCBSSFBHXLH: flag(record.productionIdentifiers.serial),
      SCBSSFBHSCRQ: flag(record.productionIdentifiers.manufactureDate),
      SCBSSFBHSXRQ: flag(record.productionIdentifiers.expiry),
      SFWYCXSY: flag(record.singleUse),
      SFWWJBZ: flag(record.sterile),
      SYQSFXYJXMJ: flag(record.sterilizationBeforeUse),
      TSCCHCZTJ: record.storage ?? '',
      TSCCSM: record.clinicalSize ?? '',
      CPBSFBRQ: publishedOn,
      packages: above.map(({ pkg, depth }) => ({ BZCPBS: pkg.udiDi, CPBZJB: String(depth), BZNHXYJBZCPBS: pkg.contains!, BZNHXYJCPBSSL: pkg.quantity })),
    },
  };
}
