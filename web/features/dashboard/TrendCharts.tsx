import { theme, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureKey } from '../../../common/dashboard-figures.ts';
import { EChart } from '../../components/EChart.tsx';
import { trendOption, type TrendLine } from './chartOptions.ts';
import type { Dashboard } from './dashboard.api.ts';
import type { DashboardMessages } from './dashboard.i18n.ts';
import { LOOKS, type Look } from './look.ts';
import { rate } from './tiles.ts';
import { useFigureFormat } from './useFigureFormat.ts';

type TrendKey = keyof DashboardMessages['trend'];

interface Chart {
  key: TrendKey;
  lines: { key: TrendKey; value: (f: Dashboard['trend'][number]['figures']) => number | null }[];
  percent?: boolean;
}

const figure = (key: FigureKey & TrendKey) => ({ key, value: (f: Record<FigureKey, number>) => f[key] });

const CHARTS: Chart[] = [
  { key: 'cases', lines: [figure('casesActive'), figure('casesNew')] },
  { key: 'reports', lines: [figure('reportsMissed'), figure('reportsFever')] },
  { key: 'errands', lines: [figure('errandsOrdered'), figure('errandsDelivered')] },
  { key: 'disinfection', lines: [figure('disinfectionAreaM2')] },
  {
    key: 'attendance',
    percent: true,
    lines: [
      {
        key: 'attendanceRate',
        value: (f) => {
          const r = rate(f.attendancePresent, f.attendanceDue);
          return r === null ? null : Math.round(r * 1000) / 10;
        },
      },
    ],
  },
];

/** The last 14 days, one small chart per subject, `height` px each, laid out by `columns` (CSS grid). */
export function TrendCharts({ data, look, columns, height }: { data: Dashboard; look: Look; columns: string; height: number }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { number } = useFigureFormat();
  const style = LOOKS[look];
  const options = useMemo(() => {
    const days = data.trend.map((d) => d.day);
    return CHARTS.map((chart) => {
      const lines: TrendLine[] = chart.lines.map((line) => ({
        name: t(`dashboard.trend.${line.key}`),
        data: data.trend.map((d) => line.value(d.figures)),
      }));
      const format = chart.percent ? (v: number) => `${v}%` : number;
      return { key: chart.key, option: trendOption(look, token.fontFamily, days, lines, format) };
    });
  }, [data.trend, look, token.fontFamily, number, t]);

  return (
    <div style={{ display: 'grid', gridTemplateColumns: columns, gap: look === 'screen' ? 14 : 16 }}>
      {options.map(({ key, option }) => (
        <section
          key={key}
          style={{
            background: style.panel,
            border: `1px solid ${style.border}`,
            borderRadius: 8,
            padding: look === 'screen' ? '8px 14px' : '12px 16px',
            minWidth: 0,
          }}
        >
          <Typography.Text strong style={{ color: style.text, fontSize: style.labelSize + 1 }}>
            {t(`dashboard.trend.${key}`)}
          </Typography.Text>
          <EChart option={option} style={{ height }} testId={`dashboard-trend-${key}`} />
        </section>
      ))}
    </div>
  );
}
