/**
 * People's Republic of China public holidays and make-up working days (调休: a Saturday or Sunday
 * worked to lengthen a holiday), as the State Council's General Office announces them each
 * November for the next year. They cannot be computed: the lunar dates are fixed, but which
 * weekend days are swapped is decided afresh every year. When the next notice is out, add its
 * year here (or, until a release carries it, in the plant's calendar settings).
 *
 * Sources, as published by Xinhua and on www.gov.cn:
 * - 2025: 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, 2024-11-12
 *   (the first year under the November 2024 revision of 全国年节及纪念日放假办法, which added
 *   除夕 and one Labour Day holiday).
 * - 2026: 国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04.
 */
export interface ChinaHolidayYear {
  source: string;
  /** Days off, as inclusive ranges, named as in the notice. */
  closed: readonly { name: string; from: string; through: string }[];
  /** Weekend days that are working days. */
  working: readonly string[];
}

export const CN_HOLIDAY_YEARS: Readonly<Record<number, ChinaHolidayYear>> = {
  2025: {
    source: '国办发明电〔2024〕12号 (2024-11-12)',
    closed: [
      { name: '元旦', from: '2025-01-01', through: '2025-01-01' },
      { name: '春节', from: '2025-01-28', through: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', through: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', through: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', through: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', through: '2025-10-08' },
    ],
    working: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    source: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
    closed: [
      { name: '元旦', from: '2026-01-01', through: '2026-01-03' },
      { name: '春节', from: '2026-02-15', through: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', through: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', through: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', through: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', through: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', through: '2026-10-07' },
    ],
    working: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};
