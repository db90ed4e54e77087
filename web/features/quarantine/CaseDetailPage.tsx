import { Alert, App, Button, Card, Col, Descriptions, Flex, Row, Timeline, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CLOSE_KIND_LABELS, ISOLATION_KIND_LABELS, START_BASIS_LABELS } from '../../../common/labels.ts';
import { useConfirm } from '../../app/confirm.ts';
import { formatDateTime } from '../../app/dates.ts';
import { can, useMe } from '../../app/session.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { CaseActionModal, type CaseAction } from './CaseActionModals.tsx';
import { CaseStatusTag, DayCounter } from './CaseBits.tsx';
import { CaseReportGrid } from './CaseReportGrid.tsx';
import { CaseServicesCard } from './CaseServicesCard.tsx';
import { CASES_KEY, releaseCase, revealCase, useCase, type CaseDetail, type CasePerson } from './cases.api.ts';
import { ANONYMISED_STYLE, AnonymisedTag } from './PersonParts.tsx';

function EventText({ e }: { e: CaseDetail['events'][number] }) {
  const { t } = useTranslation();
  const d = e.detail as { from?: string; to?: string; hospital?: string };
  return (
    <>
      <Typography.Text strong>{t(`cases.event.${e.kind}`, { defaultValue: e.kind })}</Typography.Text>
      {e.kind === 'extended' ? ` ${t('cases.extendedTo', { from: d.from, to: d.to })}` : ''}
      {d.hospital ? ` · ${d.hospital}` : ''}
      {e.reason ? ` · ${e.reason}` : ''}
      <div>
        <Typography.Text type="secondary">
          {formatDateTime(e.at).slice(0, 16)} {e.byName ?? ''}
        </Typography.Text>
      </div>
    </>
  );
}

/** 隔离档案: the person, plan and dates, who looks after them, what happened, their reports and services. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const me = useMe().data;
  const client = useQueryClient();
  const confirm = useConfirm();
  const { message } = App.useApp();
  const query = useCase(id);
  const [action, setAction] = useState<CaseAction | null>(null);
  const [person, setPerson] = useState<CasePerson | null>(null);
  const c = query.data;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!c) return null;
  // An anonymised case is long closed; nothing about its person may be changed or shown any more.
  const canWrite = can(me, 'quarantine.write') && !c.anonymised;
  const active = c.status === 'active';

  const release = () =>
    confirm({
      title: t('cases.release'),
      content: t('cases.releaseConfirm'),
      okText: t('cases.release'),
      testId: 'case-release-confirm',
      action: async () => {
        await releaseCase(c.id, {});
        await client.invalidateQueries({ queryKey: [CASES_KEY] });
        void message.success(t('cases.released'));
      },
    });
  const reveal = () =>
    confirm({
      title: t('cases.reveal'),
      content: t('cases.revealConfirm'),
      okText: t('cases.reveal'),
      testId: 'case-reveal-confirm',
      action: async () => {
        setPerson(await revealCase(c.id));
        void message.info(t('cases.revealAudited'));
      },
    });

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center">
            {t('cases.detailTitle', { ref: c.ref })} <CaseStatusTag status={c.status} />
            {c.anonymised ? <AnonymisedTag /> : null}
          </Flex>
        }
        extra={
          <>
            {active && canWrite ? (
              <>
                <Button type="primary" onClick={release} disabled={!c.counter.dueForRelease} data-testid="case-release">
                  {t('cases.release')}
                </Button>
                <Button onClick={() => setAction('extend')} data-testid="case-extend">
                  {t('cases.extend')}
                </Button>
                <Button onClick={() => setAction('early')} data-testid="case-early">
                  {t('cases.releaseEarly')}
                </Button>
                <Button danger onClick={() => setAction('transfer')} data-testid="case-transfer">
                  {t('cases.transfer')}
                </Button>
                <Link to={`/quarantine/cases/${c.id}/card`}>
                  <Button>{t('cases.card')}</Button>
                </Link>
              </>
            ) : null}
            {c.status === 'released' && !c.anonymised ? (
              <Link to={`/quarantine/cases/${c.id}/release-notice`}>
                <Button type="primary" data-testid="case-notice">
                  {t('cases.printNotice')}
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      {c.openAlerts > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={<Link to="/quarantine/alerts">{t('cases.openAlerts', { count: c.openAlerts })}</Link>}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            title={t('cases.basics')}
            style={c.anonymised ? ANONYMISED_STYLE : undefined}
            extra={
              can(me, 'quarantine.reveal') && !person && !c.anonymised ? (
                <Button size="small" onClick={reveal} data-testid="case-reveal">
                  {t('cases.reveal')}
                </Button>
              ) : null
            }
          >
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('cases.name')}>
                {c.anonymised ? <AnonymisedTag /> : (person?.personName ?? c.personName)}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.idNumber')}>
                {person ? (person.idNumber ?? '—') : (c.idNumber ?? '—')}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.mobile')}>
                {person ? (person.mobile ?? '—') : (c.mobile ?? '—')}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.place')}>{c.regionName}</Descriptions.Item>
              <Descriptions.Item label={t('cases.address')} span={2}>
                {c.address ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.kind')}>{ISOLATION_KIND_LABELS[c.kind][language]}</Descriptions.Item>
              <Descriptions.Item label={t('cases.plan')}>{t('cases.planDays', { days: c.planDays })}</Descriptions.Item>
              <Descriptions.Item label={t('cases.startBasis')}>{START_BASIS_LABELS[c.startBasis][language]}</Descriptions.Item>
              <Descriptions.Item label={t('cases.period')}>
                {c.startsOn} ~ {c.endsOn}
              </Descriptions.Item>
              <Descriptions.Item label="" span={2}>
                <DayCounter c={c} />
              </Descriptions.Item>
              {c.closeKind ? (
                <>
                  <Descriptions.Item label={t('cases.closedOn')}>
                    {c.closedOn} · {CLOSE_KIND_LABELS[c.closeKind][language]}
                  </Descriptions.Item>
                  {c.hospital ? <Descriptions.Item label={t('cases.hospital')}>{c.hospital}</Descriptions.Item> : null}
                  {c.closeReason ? <Descriptions.Item label={t('cases.closeReason')}>{c.closeReason}</Descriptions.Item> : null}
                </>
              ) : null}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            title={t('cases.assignments')}
            extra={
              active && canWrite ? (
                <Button size="small" onClick={() => setAction('assign')} data-testid="case-assign">
                  {t('cases.edit')}
                </Button>
              ) : null
            }
          >
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('cases.gridWorker')}>{c.gridWorker?.name ?? t('cases.none')}</Descriptions.Item>
              <Descriptions.Item label={t('cases.medicalObserver')}>
                {c.medicalObserver?.name ?? t('cases.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.volunteer')}>{c.volunteer?.name ?? t('cases.none')}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('cases.timeline')} style={{ marginTop: 16 }}>
            <Timeline items={c.events.map((e) => ({ key: e.id, children: <EventText e={e} /> }))} />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('cases.reports')}>
            <CaseReportGrid c={c} />
          </Card>
        </Col>
        <Col span={24}>
          <CaseServicesCard c={c} canWrite={canWrite} />
        </Col>
      </Row>
      {action ? <CaseActionModal c={c} action={action} onClose={() => setAction(null)} /> : null}
    </>
  );
}
