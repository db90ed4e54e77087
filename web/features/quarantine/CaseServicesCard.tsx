import { Button, Card, DatePicker, Form, InputNumber, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_SERVICE_KINDS, type CaseServiceKind } from '../../../common/enums.ts';
import { CASE_SERVICE_KIND_LABELS, DISINFECTION_METHOD_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { CASES_KEY, useAssignees, useCaseServices, type CaseDetail, type CaseService } from './cases.api.ts';
import { ServiceLogModal } from './ServiceLogModal.tsx';

function ScheduleModal({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useIdempotentCreate();
  const assignees = useAssignees(c.regionId);
  return (
    <FormModal<{ kind: CaseServiceKind; everyDays: number; startsOn: Dayjs; volunteerId?: string }>
      title={t('cases.schedule')}
      testId="case-service-form"
      onClose={onClose}
      invalidate={[CASES_KEY]}
      initialValues={{ kind: 'supplies', everyDays: 2, startsOn: dayjs(), volunteerId: c.volunteer?.id }}
      submit={(v) =>
        create(`/quarantine/cases/${c.id}/services`, {
          kind: v.kind,
          everyDays: v.everyDays,
          startsOn: v.startsOn.format('YYYY-MM-DD'),
          ...(v.volunteerId ? { volunteerId: v.volunteerId } : {}),
        })
      }
    >
      <Form.Item name="kind" label={t('cases.serviceKind')}>
        <Select options={CASE_SERVICE_KINDS.map((k) => ({ value: k, label: CASE_SERVICE_KIND_LABELS[k][language] }))} />
      </Form.Item>
      <Form.Item name="everyDays" label={t('cases.everyDays')}>
        <InputNumber min={1} max={30} />
      </Form.Item>
      <Form.Item name="startsOn" label={t('cases.firstOn')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="volunteerId" label={t('cases.volunteer')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          options={(assignees.data?.volunteers ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
    </FormModal>
  );
}

/** Home services of a case (消杀 / 送物资 / 心理疏导): the schedule and the visits logged. */
export function CaseServicesCard({ c, canWrite }: { c: CaseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const services = useCaseServices(c.id);
  const [scheduling, setScheduling] = useState(false);
  const [logging, setLogging] = useState<CaseService | null>(null);
  const open = canWrite && c.status === 'active';
  return (
    <Card
      title={t('cases.services')}
      extra={
        open ? (
          <Button onClick={() => setScheduling(true)} data-testid="case-service-schedule">
            {t('cases.schedule')}
          </Button>
        ) : null
      }
    >
      <Table<CaseService>
        rowKey="id"
        size="small"
        pagination={false}
        loading={services.isLoading}
        dataSource={services.data?.items ?? []}
        locale={{ emptyText: t('cases.noServices') }}
        columns={[
          { title: t('cases.serviceKind'), key: 'kind', render: (_, s) => CASE_SERVICE_KIND_LABELS[s.kind][language] },
          { title: t('cases.everyDays'), key: 'every', render: (_, s) => t('cases.everyDaysValue', { count: s.everyDays }) },
          {
            title: t('cases.nextOn'),
            key: 'next',
            render: (_, s) =>
              s.active ? (
                <>
                  {s.nextOn} {s.due ? <Tag color="gold">{t('cases.due')}</Tag> : null}
                </>
              ) : (
                <Tag>{t('cases.stopped')}</Tag>
              ),
          },
          { title: t('cases.lastDone'), key: 'last', render: (_, s) => s.lastDoneOn ?? '—' },
          { title: t('cases.volunteer'), key: 'volunteer', render: (_, s) => s.volunteer?.name ?? '—' },
          {
            title: '',
            key: 'actions',
            render: (_, s) =>
              open && s.active ? (
                <Button size="small" onClick={() => setLogging(s)}>
                  {t('cases.logDone')}
                </Button>
              ) : null,
          },
        ]}
      />
      {services.data?.logs.length ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('cases.logs')}
          </Typography.Title>
          {services.data.logs.slice(0, 10).map((l) => (
            <div key={l.id}>
              <Typography.Text type="secondary">{l.doneOn}</Typography.Text> {CASE_SERVICE_KIND_LABELS[l.kind][language]} ·{' '}
              {l.byName}
              {l.areaM2 !== null ? ` · ${l.areaM2} m² ${l.agent ?? ''} ${l.concentration ?? ''}` : ''}
              {l.method ? ` · ${DISINFECTION_METHOD_LABELS[l.method][language]}` : ''}
              {l.people !== null && l.people > 1 ? ` · ${l.people} ${t('cases.people')}` : ''}
              {l.items ? ` · ${l.items}` : ''}
              {l.note ? ` · ${l.note}` : ''}
              {l.signedOffAt ? (
                <Tag color="green" style={{ marginInlineStart: 8 }}>
                  {t('disinfection.logs.signed')}
                </Tag>
              ) : null}
            </div>
          ))}
        </>
      ) : null}
      {scheduling ? <ScheduleModal c={c} onClose={() => setScheduling(false)} /> : null}
      {logging ? <ServiceLogModal service={logging} onClose={() => setLogging(null)} /> : null}
    </Card>
  );
}
