import { Card, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { serialPath, type TraceAnswer } from '../../../../domain/trace';
import { localName } from '../../../i18n/local-name';
import { useTime } from '../../useTime';

/** A serial trace read as one path: the lot holding the serial, the lots it went into, the shipments that carried it. */
export function SerialPath({ trace, onOpenLot }: { trace: TraceAnswer & { serial: string | null }; onOpenLot(lotId: string): void }) {
  const { t } = useTranslation();
  const date = useTime('date');
  const steps = serialPath(trace);
  const lotNumber = new Map(trace.lots.map((l) => [l.id, l.lotNumber]));
  return (
    <Card size="small" className="console-card" title={t('trace.serialPath', { serial: trace.serial ?? '' })} data-testid="serial-path">
      {steps.length === 1 && (
        <Typography.Paragraph type="secondary">
          {t('trace.serialNowhere', {
            serial: trace.serial ?? '',
            lot: lotNumber.get(trace.root) ?? '',
          })}
        </Typography.Paragraph>
      )}
      <Timeline
        items={steps.map((step) =>
          step.kind === 'lot'
            ? {
                key: `lot-${step.lotId}`,
                color: step.depth === 0 ? 'blue' : 'gray',
                content: (
                  <span data-testid="serial-step" data-kind="lot">
                    <Typography.Link onClick={() => onOpenLot(step.lotId)}>{step.lotNumber}</Typography.Link> {localName(step.itemName, step.itemNameZh)} <Tag>{t(`lots.status.${step.status}`)}</Tag>
                    <Typography.Text type="secondary">
                      {' '}
                      {t('trace.serialLevel', { depth: step.depth })}
                      {step.workOrder ? ` · ${t('trace.workOrder', { number: step.workOrder })}` : ''}
                    </Typography.Text>
                  </span>
                ),
              }
            : {
                key: `ship-${step.shipment}-${step.lotId}`,
                color: 'green',
                content: (
                  <span data-testid="serial-step" data-kind="shipment">
                    {t('trace.serialShipped', {
                      shipment: step.shipment,
                      customer: `${step.customerCode} · ${step.customerName}`,
                      date: date(step.shippedAt),
                      lot: lotNumber.get(step.lotId) ?? '',
                      qty: step.qty,
                    })}
                    {step.serial ? <Typography.Text type="secondary"> · {t('trace.serialOnLine', { serial: step.serial })}</Typography.Text> : null}
                  </span>
                ),
              },
        )}
      />
    </Card>
  );
}
