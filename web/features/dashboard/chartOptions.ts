/** ECharts options for the dashboard, in either look, lettered in the app's own font stack. */
import type { ChartOption } from '../../components/EChart.tsx';
import { LOOKS, type Look } from './look.ts';

/** The common frame of every chart: type, colours and the tooltip in the look's colours. */
function base(look: Look, fontFamily: string) {
  const style = LOOKS[look];
  return {
    backgroundColor: 'transparent',
    color: style.palette,
    textStyle: { fontFamily, fontSize: style.chartText, color: style.text },
    tooltip: {
      backgroundColor: look === 'screen' ? style.panel : '#fff',
      borderColor: style.border,
      textStyle: { fontFamily, fontSize: style.chartText, color: style.text },
    },
  };
}

export interface TrendLine {
  name: string;
  /** null leaves a gap: a rate on a day with nothing to divide by. */
  data: (number | null)[];
}

export function trendOption(
  look: Look,
  fontFamily: string,
  days: string[],
  lines: TrendLine[],
  formatValue: (value: number) => string,
): ChartOption {
  const style = LOOKS[look];
  const frame = base(look, fontFamily);
  const axisLabel = { color: style.axis, fontSize: style.chartText };
  return {
    ...frame,
    tooltip: { ...frame.tooltip, trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? formatValue(v) : '—') },
    legend: { top: 0, right: 0, textStyle: { color: style.text, fontSize: style.chartText }, itemWidth: 16, itemHeight: 8 },
    grid: { left: 8, right: 16, top: style.chartText * 2.4, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: days.map((d) => d.slice(5)),
      boundaryGap: false,
      axisLabel,
      axisLine: { lineStyle: { color: style.split } },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { ...axisLabel, formatter: (v: number) => formatValue(v) },
      splitLine: { lineStyle: { color: style.split } },
    },
    series: lines.map((line) => ({
      type: 'line',
      name: line.name,
      data: line.data,
      showSymbol: look === 'desk',
      symbolSize: 5,
      lineStyle: { width: look === 'screen' ? 3 : 2 },
    })),
  };
}

export interface TreemapNode {
  id: string;
  name: string;
  value: number;
  hasChildren: boolean;
}

export function treemapOption(
  look: Look,
  fontFamily: string,
  figureName: string,
  nodes: TreemapNode[],
  formatValue: (value: number) => string,
): ChartOption {
  const style = LOOKS[look];
  const frame = base(look, fontFamily);
  return {
    ...frame,
    tooltip: {
      ...frame.tooltip,
      formatter: (info: unknown) => {
        const node = info as { name: string; value: number };
        return `${node.name}<br/>${figureName}: ${formatValue(node.value)}`;
      },
    },
    series: [
      {
        type: 'treemap',
        data: nodes,
        // The page drills itself (through the address), so the chart's own zoom and crumbs stay off.
        nodeClick: false,
        roam: false,
        // A drill swaps every rectangle: a short move reads better than the default slow zoom.
        animationDurationUpdate: 400,
        breadcrumb: { show: false },
        width: '100%',
        height: '100%',
        top: 0,
        left: 0,
        label: {
          show: true,
          fontFamily,
          fontSize: style.chartText + (look === 'screen' ? 2 : 1),
          color: '#fff',
          lineHeight: Math.round(style.chartText * 1.5),
          formatter: (info: unknown) => {
            const node = info as { name: string; value: number };
            return `${node.name}\n${formatValue(node.value)}`;
          },
        },
        itemStyle: { borderColor: look === 'screen' ? style.background : '#fff', borderWidth: 2, gapWidth: 2 },
        levels: [{ color: style.palette, colorMappingBy: 'index' }],
      },
    ],
  };
}
