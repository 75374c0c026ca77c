import { Alert, Card, DatePicker, Skeleton, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readKpis } from '../../../api/kpis';
import type { StoredSession } from '../../../session/session';
import { PageTitle } from '../../PageTitle';
import { useLive } from '../../useLive';
import { KpiCard } from './KpiCard';
import { periodQuery, periodShown } from './kpi-format';
import { PercentChart } from './PercentChart';

const DAY = 'YYYY-MM-DD';

/** Every KPI of the plant over a period picked by its first and last day, in the UI's language, read again as the ledger changes. */
export function KpiPage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<{ from: string; to: string }>();
  const live = useLive(session.token, (token) => readKpis(token, period));
  const { reload } = live;
  useEffect(() => {
    void reload();
  }, [period, reload]);
  const [picked, setPicked] = useState<[Dayjs, Dayjs] | null>(null);
  const shown = live.data ? periodShown(live.data.period) : null;
  const value: [Dayjs, Dayjs] | null = picked ?? (shown ? [dayjs(shown.first), dayjs(shown.last)] : null);
  const pick = (range: [Dayjs, Dayjs] | null) => {
    setPicked(range);
    setPeriod(range ? periodQuery(range[0].format(DAY), range[1].format(DAY)) : undefined);
  };
  return (
    <section data-testid="kpi-page">
      <PageTitle>{t('consoleShell.pages.kpis')}</PageTitle>
      <Space wrap className="dashboard-toolbar">
        <Typography.Text id="kpi-period-label">{t('kpi.period')}</Typography.Text>
        <DatePicker.RangePicker
          aria-labelledby="kpi-period-label"
          value={value}
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          onChange={(range) => {
            const [from, to] = range ?? [];
            pick(from && to ? [from, to] : null);
          }}
          data-testid="kpi-period"
        />
        {live.data && <Typography.Text type="secondary">{t('kpi.days', { count: live.data.period.days })}</Typography.Text>}
      </Space>
      {live.error && <Alert type="error" role="alert" showIcon title={live.error} className="console-alert" data-testid="kpi-error" />}
      {!live.data && !live.error && <Skeleton active />}
      {live.data && (
        <>
          <Card size="small" title={<h2 className="dashboard-card-title">{t('kpi.rates')}</h2>} className="console-card">
            <PercentChart kpis={live.data.kpis} />
          </Card>
          <div className="kpi-grid">
            {live.data.kpis.map((kpi) => (
              <KpiCard key={kpi.id} kpi={kpi} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
