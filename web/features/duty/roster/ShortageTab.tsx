import { Alert, Flex, Progress, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../../../../common/enums.ts';
import { RISK_LABELS } from '../../../../common/labels.ts';
import { useLanguage } from '../../../app/useLanguage.ts';
import type { RosterDetail, Shortage } from '../rosters.api.ts';
import { RISK_COLORS, RiskTag } from '../../checkpoints/CheckpointTags.tsx';
import { shiftWhen } from './time.ts';

type ByRisk = Shortage['byRisk'][number];
type ByRegion = Shortage['byRegion'][number];
type Uncovered = Shortage['uncovered'][number];

const RISKS_DOWN: RiskLevel[] = [4, 3, 2, 1];

/**
 * Where the roster falls short, for the commander who must recruit or move people: per risk level,
 * per region (worst first) and the shifts themselves, highest risk first.
 */
export function ShortageTab({ roster }: { roster: RosterDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const s = roster.shortage;
  const missing = s.byRisk.reduce((sum, r) => sum + r.missing, 0);
  return (
    <Flex vertical gap={16} data-testid="shortage-report">
      {missing ? (
        <Alert type="warning" showIcon title={t('rosters.tooFew')} data-testid="shortage-explain" />
      ) : (
        <Alert type="success" showIcon title={t('rosters.allCovered')} data-testid="shortage-none" />
      )}
      <div>
        <Typography.Title level={5}>{t('rosters.byRisk')}</Typography.Title>
        <Table<ByRisk>
          rowKey="risk"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={s.byRisk}
          columns={[
            { key: 'risk', title: t('rosters.risk'), render: (_: unknown, r: ByRisk) => <RiskTag risk={r.risk} /> },
            { key: 'positions', title: t('rosters.positions'), dataIndex: 'positions' },
            { key: 'filled', title: t('rosters.filled'), dataIndex: 'filled' },
            {
              key: 'missing',
              title: t('rosters.missing'),
              render: (_: unknown, r: ByRisk) => (r.missing ? <Typography.Text type="danger">{r.missing}</Typography.Text> : 0),
            },
            {
              key: 'rate',
              title: t('rosters.rate'),
              render: (_: unknown, r: ByRisk) => (
                <Progress
                  percent={r.positions ? Math.floor((r.filled / r.positions) * 1000) / 10 : 100}
                  size="small"
                  strokeColor={RISK_COLORS[r.risk].bar}
                  style={{ width: 160, margin: 0 }}
                />
              ),
            },
          ]}
          data-testid="shortage-by-risk"
        />
      </div>
      {s.byRegion.length ? (
        <div>
          <Typography.Title level={5}>{t('rosters.byRegion')}</Typography.Title>
          <Table<ByRegion>
            rowKey="regionId"
            size="small"
            pagination={s.byRegion.length > 10 ? { pageSize: 10 } : false}
            scroll={{ x: 'max-content' }}
            dataSource={s.byRegion}
            columns={[
              { key: 'region', title: t('rosters.region'), dataIndex: 'regionName' },
              {
                key: 'missing',
                title: t('rosters.missing'),
                render: (_: unknown, r: ByRegion) => <Typography.Text type="danger">{r.missing}</Typography.Text>,
              },
              ...RISKS_DOWN.map((risk) => ({
                key: `risk-${risk}`,
                title: RISK_LABELS[risk][language],
                render: (_: unknown, r: ByRegion) => r.missingByRisk[String(risk) as '1' | '2' | '3' | '4'] || '—',
              })),
            ]}
            data-testid="shortage-by-region"
          />
        </div>
      ) : null}
      {s.uncovered.length ? (
        <div>
          <Typography.Title level={5}>{t('rosters.uncovered')}</Typography.Title>
          {s.uncoveredTotal > s.uncovered.length ? (
            <Typography.Paragraph type="secondary">
              {t('rosters.uncoveredMore', { shown: s.uncovered.length, total: s.uncoveredTotal })}
            </Typography.Paragraph>
          ) : null}
          <Table<Uncovered>
            rowKey="shiftId"
            size="small"
            pagination={s.uncovered.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 'max-content' }}
            dataSource={s.uncovered}
            columns={[
              { key: 'risk', title: t('rosters.risk'), render: (_: unknown, u: Uncovered) => <RiskTag risk={u.risk} /> },
              { key: 'checkpoint', title: t('rosters.checkpoint'), dataIndex: 'checkpointName' },
              { key: 'region', title: t('rosters.region'), dataIndex: 'regionName' },
              {
                key: 'time',
                title: t('rosters.time'),
                render: (_: unknown, u: Uncovered) => (
                  <span style={{ whiteSpace: 'nowrap' }}>{shiftWhen(u.startsAt, u.endsAt, language)}</span>
                ),
              },
              {
                key: 'missing',
                title: t('rosters.missing'),
                render: (_: unknown, u: Uncovered) => <Typography.Text type="danger">{u.missing}</Typography.Text>,
              },
            ]}
            data-testid="shortage-uncovered"
          />
        </div>
      ) : null}
    </Flex>
  );
}
