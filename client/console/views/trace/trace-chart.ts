import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([GraphChart, LegendComponent, TooltipComponent, CanvasRenderer]);

/** An ECharts instance with only what the trace graph draws. */
export type ECharts = echarts.ECharts;
export const traceChart = (element: HTMLElement): ECharts => echarts.init(element, undefined, { renderer: 'canvas' });
