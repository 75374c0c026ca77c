import { Alert, Button, Collapse, Input, Select, Space, Spin, Switch, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CUSTOMERS_GROUP,
  autoView,
  foldGroups,
  openGroup,
  reveal,
  searchTrace,
  traceModel,
  visibleGraph,
  withLevels,
  MAX_SEARCH_LENGTH,
  type GraphView,
  type TraceAnswer,
  type TraceMatch,
  type ViewNode,
} from '../../../../domain/trace';
import { centresOf, fitScale, labelsShown, traceChartOption, type Placement } from './chart-option';
import { layoutGraph } from './elk-layout';
import { NODE_WIDTH, type GraphLayout } from './graph-sizes';
import { GroupDrawer } from './GroupDrawer';
import { nodeWords } from './node-words';
import { traceChart, type ECharts } from './trace-chart';

/** The scale a graph opens at when fitting it whole would make its text too small to read. */
const READABLE_SCALE = 0.8;

interface Props {
  trace: TraceAnswer;
  onOpenLot(lotId: string): void;
}

type Search = { query: string; matches: TraceMatch[]; at: number } | { query: string; problem: 'empty' | 'too_long' } | null;

/**
 * The trace as a layered graph (mounted afresh for each trace, so a new trace opens in its own view): ELK lays it out in a worker, ECharts draws it on a canvas with
 * pan and zoom. Large traces open folded (by item, then by level) and unfold on request; the
 * search reveals a hit folded anywhere and centres it.
 */
export function TraceGraph({ trace, onOpenLot }: Props) {
  const { t } = useTranslation();
  const model = useMemo(() => traceModel(trace), [trace]);
  const [view, setView] = useState<GraphView>(() => autoView(model));
  const graph = useMemo(() => visibleGraph(model, view), [model, view]);
  const [laidOut, setLaidOut] = useState<{
    graph: typeof graph;
    layout: GraphLayout;
  } | null>(null);
  const [layoutError, setLayoutError] = useState<string | null>(null);
  const [search, setSearch] = useState<Search>(null);
  const [group, setGroup] = useState<ViewNode | null>(null);
  const [drawn, setDrawn] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  // What the next drawing centres on: the traced lot when the trace opens (only if the graph is too
  // big to read whole), a search hit (always), a group just opened.
  const focus = useRef<{ id: string; always: boolean } | null>({ id: model.root, always: false });
  const drawnLayout = useRef<GraphLayout | null>(null);
  const words = useMemo(() => nodeWords(t), [t]);

  useEffect(() => {
    let cancelled = false;
    layoutGraph(graph)
      .then((layout) => !cancelled && (setLaidOut({ graph, layout }), setLayoutError(null)))
      .catch((e: unknown) => !cancelled && setLayoutError(String(e)));
    return () => {
      cancelled = true;
    };
  }, [graph]);

  const openNode = useCallback(
    (node: ViewNode) => {
      if (node.kind === 'lot') onOpenLot(node.lot.id);
      else if (node.kind === 'group') setGroup(node);
      else if (node.kind === 'customers') setView((v) => openGroup(v, CUSTOMERS_GROUP));
    },
    [onOpenLot],
  );

  const current = search && 'matches' in search ? search.matches[search.at] : undefined;
  const matchNodes = useMemo(() => new Set(search && 'matches' in search ? search.matches.flatMap((m) => graph.nodeOf.get(m.id) ?? []) : []), [search, graph]);

  // Draws (again) when the layout, the highlight or the language changes; keeps the person's pan
  // and zoom unless a new focus was asked for (a new trace, a search hit).
  useEffect(() => {
    const element = box.current;
    if (!element || !laidOut) return;
    const instance = (chart.current ??= traceChart(element));
    const { layout } = laidOut;
    const width = element.clientWidth;
    const height = element.clientHeight;
    const scale = fitScale(layout, width, height);
    const old = instance.getOption() as { series?: { zoom?: number; center?: [number, number] }[] } | undefined;
    const whole = centresOf(layout).middle;
    let zoom = 1;
    let center = whole;
    if (drawnLayout.current === layout) {
      const before = old?.series?.[0];
      zoom = before?.zoom ?? 1;
      center = before?.center ?? whole;
    } else {
      const wanted = focus.current;
      const target = wanted ? layout.placed.get(laidOut.graph.nodeOf.get(wanted.id) ?? wanted.id) : undefined;
      if (wanted && target) {
        zoom = Math.max(1, READABLE_SCALE / scale);
        center = wanted.always || zoom > 1 ? [target.x, target.y] : whole;
      }
      // The next new layout, unless something else is asked for, opens like the trace did: readable, at the traced lot.
      focus.current = { id: model.root, always: false };
      drawnLayout.current = layout;
    }
    const placement: Placement = { scale, chartWidth: width, chartHeight: height, zoom, center };
    instance.setOption(traceChartOption(laidOut.graph, layout, placement, words, matchNodes, null), { notMerge: true });
    setDrawn((instance.getOption() as { series: { data: unknown[] }[] }).series[0]!.data.length);
    const onRoam = () => {
      const zoom = (instance.getOption() as { series: { zoom: number }[] }).series[0]!.zoom;
      instance.setOption({
        series: [
          {
            label: {
              show: labelsShown(scale, zoom, NODE_WIDTH),
              width: (NODE_WIDTH - 16) * scale * zoom,
            },
          },
        ],
      });
    };
    const onClick = (p: { dataType?: string; data?: unknown }) => {
      if (p.dataType !== 'node') return;
      const id = (p.data as { id: string }).id;
      const node = laidOut.graph.nodes.find((n) => n.id === id);
      if (node) openNode(node);
    };
    instance.on('graphroam', onRoam);
    instance.on('click', onClick);
    return () => {
      instance.off('graphroam', onRoam);
      instance.off('click', onClick);
    };
  }, [laidOut, matchNodes, words, openNode, model.root]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  function find(query: string) {
    const answer = searchTrace(model, query);
    if (!answer.ok) return setSearch({ query, problem: answer.problem });
    setSearch({ query, matches: answer.matches, at: 0 });
    if (answer.matches[0]) show(answer.matches[0]);
  }

  function show(match: TraceMatch) {
    focus.current = { id: match.id, always: true };
    setView((v) => reveal(model, v, match.id));
  }

  function next() {
    if (!search || !('matches' in search) || search.matches.length === 0) return;
    const at = (search.at + 1) % search.matches.length;
    setSearch({ ...search, at });
    show(search.matches[at]!);
  }

  const lots = model.lots.size;
  const searchMessage = !search
    ? null
    : 'problem' in search
      ? t(search.problem === 'empty' ? 'trace.searchEmpty' : 'trace.searchTooLong', { max: MAX_SEARCH_LENGTH })
      : search.matches.length === 0
        ? t('trace.searchNone', { query: search.query.trim() })
        : t('trace.searchFound', {
            count: search.matches.length,
            at: search.at + 1,
            text: current?.text ?? '',
            field: t(`trace.field.${current?.field ?? 'lot'}`),
          });

  return (
    <div className="trace-graph-panel">
      <div className="trace-graph-tools">
        <Input.Search
          className="trace-graph-search"
          data-testid="trace-search"
          aria-label={t('trace.graphSearch')}
          placeholder={t('trace.graphSearch')}
          enterButton={t('trace.find')}
          allowClear
          spellCheck={false}
          status={search && ('problem' in search || search.matches.length === 0) ? 'error' : undefined}
          onSearch={find}
        />
        <Space wrap size="small">
          <Select
            data-testid="trace-levels"
            aria-label={t('trace.levels')}
            value={view.levels}
            style={{ minWidth: 150 }}
            onChange={(levels: number) => setView((v) => withLevels(model, v, levels))}
            options={Array.from({ length: model.maxDepth + 1 }, (_, level) => ({
              value: level,
              label: t('trace.levelsUpTo', { level }),
            }))}
          />
          <Space size={6}>
            <Switch data-testid="trace-group" checked={view.groupByItem} onChange={(groupByItem) => setView((v) => ({ ...v, groupByItem }))} aria-label={t('trace.groupByItem')} />
            <Typography.Text>{t('trace.groupByItem')}</Typography.Text>
          </Space>
          <Button data-testid="trace-fold" onClick={() => setView((v) => ({ ...foldGroups(v), groupByItem: true }))}>
            {t('trace.foldAll')}
          </Button>
          <Button
            data-testid="trace-fit"
            onClick={() => (
              (focus.current = null),
              chart.current?.setOption({
                series: [
                  {
                    zoom: 1,
                    center: laidOut ? centresOf(laidOut.layout).middle : undefined,
                  },
                ],
              })
            )}
          >
            {t('trace.fit')}
          </Button>
        </Space>
      </div>
      {searchMessage && (
        <div className="trace-graph-found" role="status" data-testid="trace-search-result">
          <Typography.Text className={search && 'matches' in search && search.matches.length > 0 ? undefined : 'trace-graph-problem'}>{searchMessage}</Typography.Text>
          {search && 'matches' in search && search.matches.length > 1 && (
            <Button size="small" type="link" onClick={next} data-testid="trace-search-next">
              {t('trace.searchNext')}
            </Button>
          )}
        </div>
      )}
      <Typography.Paragraph type="secondary" className="trace-graph-count" data-testid="trace-graph-count">
        {t('trace.drawn', { nodes: graph.nodes.length, lots })}
        {graph.hiddenLots > 0 ? ` ${t('trace.hidden', { count: graph.hiddenLots, level: view.levels })}` : ''} {t('trace.graphHelp')}
      </Typography.Paragraph>
      {layoutError && <Alert type="error" title={layoutError} />}
      <div
        className="trace-graph"
        data-testid="trace-graph"
        data-node-count={graph.nodes.length}
        data-drawn-nodes={laidOut?.graph === graph ? drawn : undefined}
        data-edge-count={graph.edges.length}
        data-focus={current ? (graph.nodeOf.get(current.id) ?? '') : undefined}
        role="group"
        aria-label={t('trace.graph')}
      >
        <div ref={box} className="trace-graph-canvas" aria-hidden="true" />
        {laidOut?.graph !== graph && <Spin className="trace-graph-busy" aria-label={t('trace.laying')} />}
        {/* The canvas answers only a pointer: the same nodes as a list, for the keyboard and screen readers. */}
        <Collapse
          size="small"
          className="trace-graph-list"
          items={[
            {
              key: 'nodes',
              forceRender: true,
              label: t('trace.nodeList', { count: graph.nodes.length }),
              children: (
                <ul data-testid="trace-node-list">
                  {graph.nodes.map((node) => (
                    <li key={node.id} data-testid={node.kind === 'lot' ? `node-${node.lot.lotNumber}` : node.kind === 'customer' ? `node-${node.customer.code}` : `node-${node.id}`}>
                      {node.kind === 'customer' ? (
                        <Typography.Text>{words.title(node)}</Typography.Text>
                      ) : (
                        <Button type="link" size="small" onClick={() => openNode(node)}>
                          {words.title(node)}
                        </Button>
                      )}{' '}
                      <Typography.Text type="secondary">{words.detail(node)}</Typography.Text>
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      </div>
      <GroupDrawer
        node={group?.kind === 'group' ? group : null}
        model={model}
        onClose={() => setGroup(null)}
        onOpenLot={onOpenLot}
        onShowMore={(id) => {
          focus.current = { id, always: false };
          setView((v) => openGroup(v, id));
          setGroup(null);
        }}
      />
    </div>
  );
}
