import type { TFunction } from 'i18next';
import type { ViewNode } from '../../../../domain/trace';
import { localName } from '../../../i18n/local-name';
import type { NodeWords } from './chart-option';

/** What a node says in the UI language: on the graph, in its tooltip and in the legend. */
export function nodeWords(t: TFunction): NodeWords {
  const category = (node: ViewNode) => (node.kind === 'lot' ? node.lot.status : node.kind === 'group' ? node.status : 'customer');
  const beyond = (node: ViewNode) => ((node.kind === 'lot' || node.kind === 'group') && node.beyond > 0 ? ` ${t('trace.beyond', { count: node.beyond })}` : '');
  const title = (node: ViewNode) => {
    switch (node.kind) {
      case 'lot':
        return `${node.lot.lotNumber}${beyond(node)}`;
      case 'group':
        return `${t('trace.groupTitle', { count: node.lotIds.length })}${beyond(node)}`;
      case 'customer':
        return node.customer.code;
      case 'customers':
        return t('trace.customersGroup', { count: node.customerIds.length });
    }
  };
  const detail = (node: ViewNode) => {
    switch (node.kind) {
      case 'lot':
        return localName(node.lot.itemName, node.lot.itemNameZh);
      case 'group':
        return localName(node.itemName, node.itemNameZh);
      case 'customer':
        return node.customer.name;
      case 'customers':
        return t('trace.openGroup');
    }
  };
  const legend = (c: string) => (c === 'customer' ? t('trace.customer') : t(`lots.status.${c}`));
  const tooltip = (node: ViewNode) => {
    switch (node.kind) {
      case 'lot':
        return [
          node.lot.lotNumber,
          detail(node),
          `${t('lookup.status')}: ${legend(node.lot.status)}`,
          `${t('trace.depth')}: ${node.level}`,
          ...(node.beyond > 0 ? [t('trace.beyondLong', { count: node.beyond })] : []),
        ].join('\n');
      case 'group':
        return [
          detail(node),
          t('trace.groupDetail', {
            count: node.lotIds.length,
            level: node.level,
          }),
          `${t('lookup.status')}: ${legend(node.status)}`,
          t('trace.openGroup'),
        ].join('\n');
      case 'customer':
        return `${node.customer.code}\n${node.customer.name}`;
      case 'customers':
        return `${title(node)}\n${t('trace.openGroup')}`;
    }
  };
  return {
    category,
    title,
    detail,
    legend,
    tooltip,
    edge: (qty, links) => t('trace.edge', { qty, count: links }),
  };
}
