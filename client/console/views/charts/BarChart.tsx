import { useEffect, useRef } from 'react';
import { init, type ChartOption } from './echarts';

interface Props {
  option: ChartOption;
  /** What the chart shows, in words: its accessible name (the figures are also in a table or as buttons beside it). */
  label: string;
  height: number;
  testId?: string;
  /** A bar was clicked: its series and category index. */
  onPick?: (seriesIndex: number, dataIndex: number) => void;
}

/**
 * An ECharts bar chart in a box of its own, resized with the page. The drawing is an image to
 * assistive technology, named by `label`; keyboard users reach the same figures beside it.
 */
export function BarChart({ option, label, height, testId, onPick }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  });
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const drawn = init(element, undefined, { renderer: 'svg' });
    chart.current = drawn;
    drawn.on('click', (event) => {
      if (typeof event.seriesIndex === 'number' && typeof event.dataIndex === 'number') pick.current?.(event.seriesIndex, event.dataIndex);
    });
    const resize = new ResizeObserver(() => drawn.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      drawn.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={box} role="img" aria-label={label} data-testid={testId} className="console-chart" style={{ height }} />;
}
