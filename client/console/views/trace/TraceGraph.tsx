import { useTranslation } from 'react-i18next';
import { NODE_H, NODE_W, type TraceGraph as TraceGraphLayout } from './trace-layout';

/** The trace as a graph: lots and customers as boxes, moves between them as labelled curves; a lot box opens its history. */
export function TraceGraph({ graph, selected, onSelect }: { graph: TraceGraphLayout; selected: string | null; onSelect(lotId: string): void }) {
  const { t } = useTranslation();
  const center = (id: string) => {
    const node = graph.nodes.find((n) => n.id === id);
    return node ? { x: node.x + NODE_W / 2, y: node.y + NODE_H / 2 } : null;
  };
  return (
    <div className="trace-graph">
      <svg width={graph.width} height={graph.height} viewBox={`0 0 ${graph.width} ${graph.height}`} role="img" aria-label={t('trace.graph')} data-testid="trace-graph">
        {graph.links.map((link, i) => {
          const a = center(link.from);
          const b = center(link.to);
          if (!a || !b) return null;
          const [x1, x2] = a.x < b.x ? [a.x + NODE_W / 2, b.x - NODE_W / 2] : [a.x - NODE_W / 2, b.x + NODE_W / 2];
          return (
            <g key={i} className="trace-link">
              <path d={`M${x1},${a.y} C${(x1 + x2) / 2},${a.y} ${(x1 + x2) / 2},${b.y} ${x2},${b.y}`} />
              <text x={(x1 + x2) / 2} y={(a.y + b.y) / 2 - 4}>
                {link.label}
              </text>
            </g>
          );
        })}
        {graph.nodes.map((node) => (
          <g
            key={node.id}
            className={`trace-node ${node.kind} ${node.status ?? ''} ${selected === node.id ? 'selected' : ''}`}
            transform={`translate(${node.x},${node.y})`}
            onClick={() => node.kind === 'lot' && onSelect(node.id)}
            data-testid={`node-${node.label}`}
          >
            <rect width={NODE_W} height={NODE_H} rx={6} />
            <text x={8} y={19} className="node-label">
              {node.label}
            </text>
            <text x={8} y={37} className="node-sub">
              {node.sub.length > 24 ? `${node.sub.slice(0, 23)}…` : node.sub}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}
