import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiReading } from '../../../api/kpis';
import { kpiNumber, onTarget } from './kpi-format';
import { languageOf } from './kpi-series';

/** One KPI: its figure with unit (or why there is none), its target, formula, and the inputs to redo the sum. */
export function KpiCard({ kpi }: { kpi: KpiReading }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.resolvedLanguage);
  const number = (v: number) => kpiNumber(v, kpi.unit, i18n.resolvedLanguage);
  const target = onTarget(kpi.value, kpi.target);
  return (
    <Card size="small" className="kpi-card" data-testid={`kpi-${kpi.id}`} data-value={kpi.value ?? ''} title={<h2 className="kpi-title">{kpi.label[language]}</h2>}>
      <div className="kpi-figure">
        {kpi.value === null ? (
          <Typography.Text type="secondary" data-testid={`kpi-${kpi.id}-none`}>
            {t('kpi.noFigure')}
          </Typography.Text>
        ) : (
          <Typography.Text className="kpi-value">{t(`kpi.unit.${kpi.unit}`, { value: number(kpi.value) })}</Typography.Text>
        )}
        {kpi.target && (
          <Tag color={target === null ? 'default' : target ? 'green' : 'red'}>
            {t('kpi.target', { min: number(kpi.target.min), max: number(kpi.target.max) })}
          </Tag>
        )}
        {kpi.better !== 'none' && <Typography.Text type="secondary">{t(`kpi.better.${kpi.better}`)}</Typography.Text>}
      </div>
      <Typography.Paragraph type="secondary" className="kpi-formula">
        {kpi.formula[language]}
      </Typography.Paragraph>
      <Descriptions size="small" column={1} items={kpi.inputs.map((input) => ({ key: input.name, label: input.label[language], children: kpiNumber(input.value, 'ratio', i18n.resolvedLanguage) }))} />
    </Card>
  );
}
