/**
 * The dashboard's two looks: the desk (the app's light theme) and the 大屏 (dark, large type for a
 * projector at 1920×1080, seen from the back of a meeting room).
 */
export type Look = 'desk' | 'screen';

export interface LookStyle {
  /** Behind the charts; transparent on the desk, where cards give the background. */
  background: string;
  panel: string;
  border: string;
  text: string;
  muted: string;
  value: string;
  alarm: string;
  /** Lines and axis labels inside charts. */
  axis: string;
  split: string;
  palette: string[];
  /** Type sizes in px: tile value, tile label, tile detail, chart text. */
  valueSize: number;
  labelSize: number;
  detailSize: number;
  chartText: number;
}

export const LOOKS: Record<Look, LookStyle> = {
  desk: {
    background: 'transparent',
    panel: '#ffffff',
    border: '#f0f0f0',
    text: 'rgba(0, 0, 0, 0.88)',
    muted: 'rgba(0, 0, 0, 0.45)',
    value: 'rgba(0, 0, 0, 0.88)',
    alarm: '#cf1322',
    axis: 'rgba(0, 0, 0, 0.45)',
    split: '#f0f0f0',
    palette: ['#c41d1d', '#1677ff', '#fa8c16', '#13a8a8', '#722ed1', '#52c41a'],
    valueSize: 24,
    labelSize: 13,
    detailSize: 12,
    chartText: 12,
  },
  screen: {
    background: '#06152b',
    panel: '#0b2140',
    border: 'rgba(105, 177, 255, 0.28)',
    text: '#e6f0ff',
    muted: '#93b4dd',
    value: '#ffd666',
    alarm: '#ff7875',
    axis: '#93b4dd',
    split: 'rgba(147, 180, 221, 0.18)',
    palette: ['#ff7875', '#69b1ff', '#ffc53d', '#5cdbd3', '#b37feb', '#95de64'],
    valueSize: 34,
    labelSize: 17,
    detailSize: 15,
    chartText: 16,
  },
};
