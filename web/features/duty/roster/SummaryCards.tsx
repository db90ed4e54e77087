import { Card, Col, Flex, Progress, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterDetail } from '../rosters.api.ts';
import { RISK_COLORS, RiskTag } from '../../checkpoints/CheckpointTags.tsx';

function Figure({ title, value, note, testId }: { title: string; value: string | number; note?: ReactNode; testId: string }) {
  return (
    <Col xs={12} sm={8} xl={8}>
      <Statistic title={title} value={value} styles={{ content: { fontSize: 20 } }} data-testid={testId} />
      {note ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      ) : null}
    </Col>
  );
}

const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toString();

/** The roster at a glance: how well each risk level is covered, and what the optimiser reported. */
export function SummaryCards({ roster }: { roster: RosterDetail }) {
  const { t } = useTranslation();
  const g = roster.generation;
  const missing = roster.positions - roster.filled;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('rosters.cardCoverage')} style={{ height: '100%' }}>
          <Flex vertical gap={6}>
            {roster.shortage.byRisk.map((r) => {
              const percent = r.positions ? Math.floor((r.filled / r.positions) * 1000) / 10 : 100;
              return (
                <Flex key={r.risk} align="center" gap={8} data-testid={`coverage-risk-${r.risk}`}>
                  <div style={{ width: 84 }}>
                    <RiskTag risk={r.risk} />
                  </div>
                  <Progress percent={percent} size="small" strokeColor={RISK_COLORS[r.risk].bar} style={{ flex: 1, margin: 0 }} />
                  <Typography.Text style={{ fontSize: 12, whiteSpace: 'nowrap', minWidth: 88, textAlign: 'right' }}>
                    {r.filled} / {r.positions}
                    {r.missing ? <Typography.Text type="danger">{` −${r.missing}`}</Typography.Text> : null}
                  </Typography.Text>
                </Flex>
              );
            })}
          </Flex>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" style={{ height: '100%' }}>
          <Row gutter={[16, 12]}>
            <Figure
              title={t('rosters.cardPositions')}
              value={`${roster.filled} / ${roster.positions}`}
              note={
                missing ? (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {t('rosters.missing')} {missing}
                  </Typography.Text>
                ) : (
                  `${t('rosters.missing')} 0`
                )
              }
              testId="summary-positions"
            />
            <Figure
              title={t('rosters.cardVolunteers')}
              value={roster.volunteerCount}
              note={g ? t('rosters.usedOfEligible', { used: roster.volunteerCount, eligible: g.eligibleVolunteers }) : undefined}
              testId="summary-volunteers"
            />
            <Figure
              title={t('rosters.cardDistance')}
              value={g?.distanceMeanKm != null ? `${oneDecimal(g.distanceMeanKm)} km` : '—'}
              note={
                g?.distanceMeanKm != null && g.distanceMaxKm != null
                  ? t('rosters.distanceValue', { mean: oneDecimal(g.distanceMeanKm), max: oneDecimal(g.distanceMaxKm) })
                  : undefined
              }
              testId="summary-distance"
            />
            <Figure
              title={t('rosters.cardLoad')}
              value={g ? oneDecimal(g.loadMean) : '—'}
              note={g ? t('rosters.loadValue', { mean: oneDecimal(g.loadMean), max: g.loadMax }) : undefined}
              testId="summary-load"
            />
            <Figure
              title={t('rosters.cardTeam')}
              value={g?.sameTeamShare != null ? `${Math.round(g.sameTeamShare * 100)}%` : '—'}
              testId="summary-team"
            />
            <Figure
              title={t('rosters.cardSolve')}
              value={g ? t('rosters.seconds', { value: (g.solveMs / 1000).toFixed(1) }) : t('rosters.notGenerated')}
              note={g ? t(`rosters.stoppedBy_${g.stoppedBy}`) : undefined}
              testId="summary-solve"
            />
          </Row>
        </Card>
      </Col>
    </Row>
  );
}
