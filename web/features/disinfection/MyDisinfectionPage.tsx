import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACE_KIND_LABELS } from '../../../common/labels.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useMyJobs, useMyLogs, type Schedule } from './disinfection.api.ts';
import { everyLabel, placeOf, ScheduleStateTag, SignOffTag, squareMetres } from './DisinfectionTags.tsx';
import { LogJobModal } from './LogJobModal.tsx';

/** 我的消杀任务: a volunteer's jobs on the phone, overdue and due first, logged from the card; then their recent entries. */
export function MyDisinfectionPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const jobs = useMyJobs();
  const logs = useMyLogs();
  const [logging, setLogging] = useState<Schedule | 'other' | null>(null);
  const items = jobs.data ?? [];
  return (
    <>
      <PageHeader
        title={t('disinfection.my.title')}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setLogging('other')} data-testid="my-job-log-other">
            {t('disinfection.my.logOther')}
          </Button>
        }
      />
      <Typography.Title level={5}>{t('disinfection.my.jobs')}</Typography.Title>
      {jobs.isError ? <QueryError error={jobs.error} onRetry={() => void jobs.refetch()} /> : null}
      {jobs.isSuccess && items.length === 0 ? <Empty description={t('disinfection.my.noJobs')} /> : null}
      <Flex vertical gap={12}>
        {items.map((job) => (
          <Card key={job.id} size="small" data-testid="my-job">
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {job.place.name}
              </Typography.Text>
              <ScheduleStateTag schedule={job} />
            </Flex>
            <Typography.Text type="secondary">
              {PLACE_KIND_LABELS[job.place.kind][language]} · {job.place.address ?? job.regionName}
            </Typography.Text>
            <Flex justify="space-between" align="center" style={{ marginTop: 8 }} gap={8}>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {everyLabel(job.everyDays, t)}
                {job.place.areaM2 ? ` · ${t('disinfection.my.usual', { area: squareMetres(job.place.areaM2) })}` : ''}
                {job.team ? ` · ${t('disinfection.my.forTeam', { team: job.team.name })}` : ''}
              </Typography.Text>
              <Button type="primary" onClick={() => setLogging(job)} data-testid="my-job-log">
                {t('disinfection.my.log')}
              </Button>
            </Flex>
          </Card>
        ))}
      </Flex>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('disinfection.my.recent')}
      </Typography.Title>
      {logs.isSuccess && logs.data.length === 0 ? <Empty description={t('disinfection.my.noLogs')} /> : null}
      <Flex vertical gap={8}>
        {(logs.data ?? []).slice(0, 20).map((l) => (
          <Card key={l.id} size="small" data-testid="my-log">
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text>{placeOf(l, t)}</Typography.Text>
              <SignOffTag log={l} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {formatDateTime(l.doneAt).slice(0, 16)} · {squareMetres(l.areaM2)} ㎡ · {l.agent} {l.concentration ?? ''}
            </Typography.Text>
          </Card>
        ))}
      </Flex>
      {logging ? <LogJobModal job={logging === 'other' ? null : logging} onClose={() => setLogging(null)} /> : null}
    </>
  );
}
