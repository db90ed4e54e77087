import { DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PLACE_KIND_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { submitEntry, type SubmitResult } from '../../field/sync/outbox.ts';
import { DISINFECTION_KEY, useMyPlaces, type PlacePick, type Schedule } from './disinfection.api.ts';
import { DisinfectionLogFields, JOB_DEFAULTS, jobBody, type JobFieldValues } from './DisinfectionLogFields.tsx';
import { everyLabel } from './DisinfectionTags.tsx';
import { platformToday, wallToIso } from './disinfectionTime.ts';

interface Values extends JobFieldValues {
  placeId?: string;
  doneAt?: Dayjs | null;
  note?: string;
}

/** A week back, as the server allows; never ahead of today. */
const BACKDATE_DAYS = 7;

/**
 * Logging a job from the phone: for one of the caller's scheduled jobs (the form starts from the
 * place's usual area), or at any place of their area picked here.
 */
export function LogJobModal({ job, onClose }: { job: Schedule | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<Values>();
  const places = useMyPlaces(job === null);
  const pick = (p: PlacePick) => {
    if (p.areaM2 !== null) form.setFieldValue('areaM2', p.areaM2);
  };
  return (
    <FormModal<Values>
      title={t('disinfection.my.logTitle')}
      testId="job-log-form"
      form={form}
      onClose={onClose}
      invalidate={[DISINFECTION_KEY]}
      success={(r) => ((r as SubmitResult<unknown>).sent ? t('disinfection.my.logged') : t('sync.keptOffline'))}
      initialValues={{ ...JOB_DEFAULTS, areaM2: job?.place.areaM2 ?? undefined }}
      intro={
        job ? (
          <Typography.Paragraph>
            <Typography.Text strong>{job.place.name}</Typography.Text>
            <br />
            <Typography.Text type="secondary">
              {PLACE_KIND_LABELS[job.place.kind][language]} · {job.place.address ?? job.regionName} ·{' '}
              {everyLabel(job.everyDays, t)}
            </Typography.Text>
          </Typography.Paragraph>
        ) : null
      }
      submit={(v) =>
        // Through the outbox: without network the log stays on the phone; its time is the one
        // chosen, else the moment it was saved.
        submitEntry({
          kind: 'disinfectionLog',
          method: 'POST',
          url: '/api/v1/disinfection/logs',
          body: {
            placeId: job?.place.id ?? v.placeId,
            ...(job ? { scheduleId: job.id } : {}),
            ...(v.doneAt ? { doneAt: wallToIso(v.doneAt) } : {}),
            ...jobBody(v),
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
          madeAtField: 'doneAt',
          summary: job?.place.name ?? places.data?.find((p) => p.id === v.placeId)?.name ?? '',
        })
      }
    >
      {job ? null : (
        <Form.Item
          name="placeId"
          label={t('disinfection.my.place')}
          rules={[{ required: true, message: t('disinfection.fields.required') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t('disinfection.my.pickPlace')}
            loading={places.isLoading}
            options={(places.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.regionName}）` }))}
            onChange={(id: string) => {
              const p = places.data?.find((x) => x.id === id);
              if (p) pick(p);
            }}
            data-testid="job-log-place"
          />
        </Form.Item>
      )}
      <DisinfectionLogFields testId="job-log" />
      <Form.Item name="doneAt" label={t('disinfection.my.doneAt')} extra={t('disinfection.my.doneAtHint')}>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
          disabledDate={(d) =>
            d.isAfter(platformToday(), 'day') || d.isBefore(platformToday().subtract(BACKDATE_DAYS, 'day'), 'day')
          }
          data-testid="job-log-done-at"
        />
      </Form.Item>
      <Form.Item name="note" label={t('disinfection.fields.note')}>
        <Input.TextArea rows={2} maxLength={300} />
      </Form.Item>
    </FormModal>
  );
}
