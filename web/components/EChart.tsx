/**
 * One ECharts chart in a box. Only the pieces the app draws are registered (echarts/core), so the
 * bundle carries the line and treemap charts and the canvas renderer, not the whole library.
 */
import { LineChart, TreemapChart, type LineSeriesOption, type TreemapSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type ECElementEvent, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';

use([LineChart, TreemapChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  LineSeriesOption | TreemapSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;
export type ChartClick = ECElementEvent;

/**
 * Mounts a chart, replaces its option when `option` changes, follows its box's size (a grid
 * column, the window, a card opening) and disposes of it on unmount.
 */
export function EChart({
  option,
  onClick,
  style,
  testId,
}: {
  option: ChartOption;
  onClick?: (event: ChartClick) => void;
  style?: CSSProperties;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  // The latest handler, without re-binding the chart's listener on every render.
  const clickHandler = useRef(onClick);
  useEffect(() => {
    clickHandler.current = onClick;
  });

  useEffect(() => {
    const element = box.current!;
    const instance = init(element);
    chart.current = instance;
    instance.on('click', (event) => clickHandler.current?.(event as ECElementEvent));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a series taken away (another figure picked) must go, not linger from the last option.
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} style={{ width: '100%', height: 300, ...style }} data-testid={testId} />;
}
