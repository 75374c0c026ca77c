import type { GraphSeriesOption } from 'echarts/charts';
import type { LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ViewNode, VisibleGraph } from '../../../../domain/trace';
import { NODE_WIDTH, type GraphLayout } from './graph-sizes';
import { LABEL_COLOUR, MATCH_COLOUR, colourOf } from './node-colours';

export type TraceChartOption = ComposeOption<GraphSeriesOption | LegendComponentOption | TooltipComponentOption>;

export interface NodeWords {
  category(node: ViewNode): string;
  title(node: ViewNode): string;
  detail(node: ViewNode): string;
  legend(category: string): string;
  tooltip(node: ViewNode): string;
  edge(qty: number, links: number): string;
}

/** Where the drawing sits: `scale` data units to pixels at zoom 1, the box centred in the chart. */
export interface Placement {
  scale: number;
  chartWidth: number;
  chartHeight: number;
  zoom: number;
  center: [number, number];
}

/** Below this many pixels a node is too small to carry its text: labels come back when zoomed in. */
const LABEL_MIN_WIDTH = 120;
const LEGEND_HEIGHT = 36;

/**
 * The span of the node centres, which is what ECharts maps onto the series box (its bounding
 * rectangle ignores symbol sizes, and widens a zero span to 2).
 */
export function centresOf(layout: GraphLayout): { x: number; y: number; width: number; height: number; middle: [number, number] } {
  const xs = [...layout.placed.values()].map((p) => p.x);
  const ys = [...layout.placed.values()].map((p) => p.y);
  let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (x1 - x0 === 0) [x0, x1] = [x0 - 1, x1 + 1];
  if (y1 - y0 === 0) [y0, y1] = [y0 - 1, y1 + 1];
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0, middle: [(x0 + x1) / 2, (y0 + y1) / 2] };
}

/** The smallest scale that fits the whole layout in the chart, never above 1:1. */
export function fitScale(layout: GraphLayout, chartWidth: number, chartHeight: number): number {
  const room = Math.min((chartWidth - 16) / Math.max(1, layout.width), (chartHeight - LEGEND_HEIGHT - 16) / Math.max(1, layout.height));
  return Math.max(0.02, Math.min(1, room));
}

export const labelsShown = (scale: number, zoom: number, nodeWidth: number) => nodeWidth * scale * zoom >= LABEL_MIN_WIDTH;

/**
 * One graph series at the positions ELK chose. Node sizes are given at the same scale as the
 * positions and `nodeScaleRatio` is 1, so zooming scales nodes and gaps alike and the layout
 * stays free of overlaps at every zoom.
 */
export function traceChartOption(graph: VisibleGraph, layout: GraphLayout, placement: Placement, words: NodeWords, matches: ReadonlySet<string>, selected: string | null): TraceChartOption {
  const categories = [...new Set(graph.nodes.map(words.category))];
  const { scale, chartWidth, chartHeight } = placement;
  const centres = centresOf(layout);
  const boxWidth = centres.width * scale;
  const boxHeight = centres.height * scale;
  const top = LEGEND_HEIGHT + (chartHeight - LEGEND_HEIGHT - boxHeight) / 2;
  const showLabels = labelsShown(scale, placement.zoom, NODE_WIDTH);
  return {
    animation: false,
    tooltip: {
      confine: true,
      formatter: (p) => (Array.isArray(p) ? '' : escapeHtml((p.data as { tip?: string } | undefined)?.tip ?? '').replace(/\n/g, '<br>')),
    },
    legend: {
      type: 'scroll',
      top: 4,
      left: 8,
      right: 8,
      data: categories.map((c) => words.legend(c)),
      textStyle: { color: LABEL_COLOUR },
      selectedMode: false,
    },
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        nodeScaleRatio: 1,
        left: (chartWidth - boxWidth) / 2,
        top,
        width: boxWidth,
        height: boxHeight,
        zoom: placement.zoom,
        center: placement.center,
        scaleLimit: { min: 0.5, max: Math.max(2, 2 / scale) },
        categories: categories.map((c) => ({
          name: words.legend(c),
          itemStyle: {
            color: colourOf(c).fill,
            borderColor: colourOf(c).border,
            borderWidth: 2,
          },
        })),
        lineStyle: { color: '#8c8c8c', width: 1.2, opacity: 0.9 },
        emphasis: { focus: 'adjacency', lineStyle: { width: 2.5 } },
        label: {
          show: showLabels,
          position: 'inside',
          color: LABEL_COLOUR,
          overflow: 'truncate',
          width: (NODE_WIDTH - 16) * scale * placement.zoom,
          lineHeight: 16,
          rich: {
            title: { fontWeight: 'bold', fontSize: 13, color: LABEL_COLOUR },
            detail: { fontSize: 11, color: '#434343' },
          },
        },
        labelLayout: { hideOverlap: true },
        data: graph.nodes.map((node) => {
          const at = layout.placed.get(node.id)!;
          const category = words.category(node);
          const matched = matches.has(node.id);
          const isSelected = selected === node.id;
          const grouped = node.kind === 'group' || node.kind === 'customers';
          return {
            id: node.id,
            name: node.id,
            x: at.x,
            y: at.y,
            symbol: 'roundRect',
            symbolSize: [at.width * scale, at.height * scale],
            category: categories.indexOf(category),
            tip: words.tooltip(node),
            itemStyle: {
              borderColor: matched ? MATCH_COLOUR : isSelected ? '#1677ff' : colourOf(category).border,
              borderWidth: matched || isSelected ? 4 : grouped ? 3 : 2,
              borderType: grouped ? 'dashed' : 'solid',
              shadowBlur: matched ? 12 : 0,
              shadowColor: MATCH_COLOUR,
            },
            label: {
              formatter: `{title|${escapeRich(words.title(node))}}\n{detail|${escapeRich(words.detail(node))}}`,
            },
          };
        }),
        links: graph.edges.map((e) => ({
          source: e.from,
          target: e.to,
          tip: words.edge(e.qty, e.links),
        })),
      },
    ],
  };
}

/** Rich-text markup uses braces and bars; a lot number or item name must not open a style. */
const escapeRich = (text: string) => text.replace(/[{}|]/g, ' ');
/** Tooltips are HTML: names from master data are shown as text. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
