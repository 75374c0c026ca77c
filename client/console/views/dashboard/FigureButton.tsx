import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { groupDecimal } from './decimal';
import { useValueText } from './useValueText';

interface Props {
  testId: string;
  label: ReactNode;
  qty: string;
  value: string | null;
  uncostedQty: string;
  rows: number;
  note?: ReactNode;
  /** A figure that should be zero and is not. */
  alarm?: boolean;
  onOpen(): void;
}

/** One headline figure — quantity, value at standard cost, rows — that opens its rows when pressed. */
export function FigureButton({ testId, label, qty, value, uncostedQty, rows, note, alarm = false, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const n = (text: string) => groupDecimal(text, i18n.resolvedLanguage);
  const valueText = useValueText()({ qty, value, uncostedQty });
  return (
    <button type="button" className={`dashboard-figure${alarm ? ' dashboard-figure-alarm' : ''}`} data-testid={testId} data-qty={qty} data-value={value ?? ''} data-rows={rows} onClick={onOpen}>
      <span className="dashboard-figure-label">{label}</span>
      <span className="dashboard-figure-qty">{n(qty)}</span>
      <span className="dashboard-figure-detail">
        {valueText !== null && <span>{t('dashboard.valueOf', { value: valueText })}</span>}
        <span>{t('dashboard.rows', { count: rows })}</span>
      </span>
      {note && <Typography.Text className="dashboard-figure-note">{note}</Typography.Text>}
    </button>
  );
}
