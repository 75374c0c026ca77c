import { Button, Drawer, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GROUP_PAGE, type TraceModel, type ViewNode } from '../../../../domain/trace';
import { localName } from '../../../i18n/local-name';

interface Props {
  node: Extract<ViewNode, { kind: 'group' }> | null;
  model: TraceModel;
  onClose(): void;
  onOpenLot(lotId: string): void;
  onShowMore(groupId: string): void;
}

/** A folded group's lots, each opening its history, and the way to lay the next page of them out in the graph. */
export function GroupDrawer({ node, model, onClose, onOpenLot, onShowMore }: Props) {
  const { t } = useTranslation();
  const lots = node ? node.lotIds.map((id) => model.lots.get(id)!) : [];
  return (
    <Drawer open={node !== null} onClose={onClose} size={480} title={node ? `${localName(node.itemName, node.itemNameZh)} · ${t('trace.groupDetail', { count: lots.length, level: node.level })}` : ''}>
      {node && (
        <>
          <Button type="primary" data-testid="trace-group-open" onClick={() => onShowMore(node.id)}>
            {t('trace.showMore', { count: Math.min(GROUP_PAGE, lots.length) })}
          </Button>
          <List
            data-testid="trace-group-lots"
            size="small"
            pagination={{ pageSize: 20, size: 'small', showSizeChanger: false }}
            dataSource={lots}
            renderItem={(lot) => (
              <List.Item key={lot.id}>
                <Button type="link" size="small" onClick={() => onOpenLot(lot.id)}>
                  {lot.lotNumber}
                </Button>
                <Tag>{t(`lots.status.${lot.status}`)}</Tag>
                <Typography.Text type="secondary">{lot.gtin}</Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
