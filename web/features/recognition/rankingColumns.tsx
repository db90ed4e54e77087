import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { RANKING_METRICS, type Language, type RankingMetric, type RankingSubject } from '../../../common/enums.ts';
import { RANKING_METRIC_LABELS } from '../../../common/labels.ts';
import { RankMark } from './RankMark.tsx';
import type { RankingItem } from './recognition.api.ts';

/** The kinds of entry a ranking counts (every metric but hours), headed as the metric select names them. */
const COUNTED = RANKING_METRICS.filter((m) => m !== 'hours');

/** The figure the ranking is ordered by stands out, so the order reads at a glance. */
const emphasis = (on: boolean, value: ReactNode) => (on ? <strong>{value}</strong> : value);

export function rankingColumns({
  subject,
  metric,
  language,
  t,
  canTeams,
}: {
  subject: RankingSubject;
  metric: RankingMetric;
  language: Language;
  t: TFunction;
  canTeams: boolean;
}): TableColumnsType<RankingItem> {
  const name = (r: RankingItem): ReactNode => {
    if (subject === 'volunteer')
      return (
        <Link to={`/volunteers/${r.id}`} data-testid={`ranking-name-${r.id}`}>
          {r.name}
        </Link>
      );
    if (subject === 'team' && canTeams)
      return (
        <Link to={`/teams/${r.id}`} data-testid={`ranking-name-${r.id}`}>
          {r.name}
        </Link>
      );
    return <span data-testid={`ranking-name-${r.id}`}>{r.name}</span>;
  };
  return [
    { key: 'rank', title: t('recognition.rank'), width: 72, align: 'center', render: (_, r) => <RankMark rank={r.rank} /> },
    { key: 'name', title: t('recognition.name'), render: (_, r) => name(r) },
    { key: 'region', title: t('recognition.region'), dataIndex: 'regionName' },
    subject === 'volunteer'
      ? { key: 'unit', title: t('recognition.unit'), render: (_, r) => r.unitName ?? '—' }
      : { key: 'people', title: t('recognition.volunteers'), dataIndex: 'volunteers', align: 'right' },
    {
      key: 'hours',
      title: t('recognition.hours'),
      align: 'right',
      render: (_, r) => <span data-testid={`ranking-hours-${r.id}`}>{emphasis(metric === 'hours', r.hours.toFixed(1))}</span>,
    },
    ...COUNTED.map((kind) => ({
      key: kind,
      title: RANKING_METRIC_LABELS[kind][language],
      align: 'right' as const,
      render: (_: unknown, r: RankingItem) => emphasis(metric === kind, r.byKind[kind]),
    })),
  ];
}
