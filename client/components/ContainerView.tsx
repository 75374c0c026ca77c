import { useTranslation } from 'react-i18next';
import { containerTree, rollUp, type ContainerTree, type Hierarchy } from '../../domain/packaging';
import { useContainerLabel } from '../hooks/useContainerLabel';
import { containerStatus, fillOf } from '../screens/pack-plan';
import { ContainerLabelState } from './ContainerLabel';

/** One level of a container's tree: its own units, then the containers inside it. */
function TreeNode({ node }: { node: ContainerTree }) {
  const { t } = useTranslation();
  const serials = node.units.filter((u) => u.serial !== null);
  const lots = node.units.filter((u) => u.serial === null);
  return (
    <li>
      <span className="tree-sscc">{node.sscc}</span> <span className="hint">{t(`pack.levels.${node.level}`)}</span>
      {(serials.length > 0 || lots.length > 0) && (
        <span className="hint">
          {' · '}
          {[serials.length > 0 ? t('pack.serials', { count: serials.length }) : null, ...lots.map((l) => t('pack.lotQty', { qty: l.qty, lot: l.lotNumber }))].filter(Boolean).join(' · ')}
        </span>
      )}
      {node.children.length > 0 && (
        <ul>
          {node.children.map((c) => (
            <TreeNode key={c.sscc} node={c} />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * What a case or pallet is and holds, from the handheld's own copy: where it is, how full, the
 * tree below it, and by item and lot the quantity, the earliest expiry and what inside may not ship.
 */
export function ContainerView({ hierarchy, sscc, showTree = true, showLabel = true }: { hierarchy: Hierarchy; sscc: string; showTree?: boolean; showLabel?: boolean }) {
  const { t } = useTranslation();
  const status = containerStatus(hierarchy, sscc);
  const fill = fillOf(hierarchy, sscc);
  const tree = containerTree(hierarchy, sscc);
  const lines = rollUp(hierarchy, sscc);
  const label = useContainerLabel(showLabel ? sscc : null, tree?.version ?? null);
  if (!status || !fill || !tree) return null;
  return (
    <div className="container-view" data-testid="container-view">
      <dl className="facts">
        <div>
          <dt>{t('lookup.status')}</dt>
          <dd data-testid="container-status">{status.status === 'packed' ? t('pack.status.packed', { parent: status.parent }) : t(`pack.status.${status.status}`)}</dd>
        </div>
        <div>
          <dt>{t('pack.filled')}</dt>
          <dd data-testid="container-fill">
            {t('pack.fill', { count: fill.count, capacity: fill.capacity })} · {t('pack.version', { version: tree.version })}
          </dd>
        </div>
      </dl>
      {/* Not verified never keeps a pallet from shipping: its label is checked again at dispatch. */}
      {label && <ContainerLabelState state={label} />}
      <h3>{t('pack.rollUp')}</h3>
      {lines.length === 0 ? (
        <p className="hint">{t('pack.nothing')}</p>
      ) : (
        <ul className="roll-up" data-testid="container-rollup">
          {lines.map((l) => (
            <li key={`${l.gtin}/${l.lotNumber}`} className={l.held > 0 ? 'warn' : ''}>
              <span className="roll-up-lot">
                <strong>{l.lotNumber}</strong> <span className="hint">{l.gtin}</span>
              </span>
              <span data-testid="rollup-line">
                {[
                  t('pack.rollUpQty', { qty: l.qty }),
                  l.serials > 0 ? t('pack.serials', { count: l.serials }) : null,
                  t('pack.rollUpExpires', { date: l.expiresOn ?? '—' }),
                  l.held > 0 ? t('pack.rollUpHeld', { qty: l.held }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {showTree && tree.children.length > 0 && (
        <>
          <h3>{t('pack.tree')}</h3>
          <ul className="container-tree" data-testid="container-tree">
            <TreeNode node={tree} />
          </ul>
        </>
      )}
    </div>
  );
}
