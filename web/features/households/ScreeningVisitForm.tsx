import { App, Button, DatePicker, Form, Input, InputNumber, Radio, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SCREENING_OUTCOMES, type ScreeningOutcome } from '../../../common/enums.ts';
import { SCREENING_OUTCOME_LABELS } from '../../../common/labels.ts';
import { useReportError } from '../../app/errors.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { submitEntry } from '../../field/sync/outbox.ts';
import { DivisionSelect } from '../passages/DivisionSelect.tsx';
import type { Visit } from './screening.api.ts';

interface VisitForm {
  outcome: ScreeningOutcome;
  residentsPresent?: number;
  feverCount?: number;
  symptoms?: boolean;
  riskReturn?: boolean;
  riskOriginCode?: string | null;
  riskReturnedOn?: Dayjs;
  outsiders?: number;
  note?: string;
}

const BIG = { size: 'large' as const, style: { width: '100%' } };

/** One visit, only what is needed: whether anyone opened and, if so, the few findings. */
export function ScreeningVisitForm({
  campaignId,
  householdId,
  onDone,
}: {
  campaignId: string;
  householdId: string;
  /** The visit recorded, or null when it waits on the phone to be sent (no network). */
  onDone: (v: Visit | null) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<VisitForm>();
  const outcome = Form.useWatch('outcome', form);
  const riskReturn = Form.useWatch('riskReturn', form);

  async function submit(v: VisitForm) {
    const reached = v.outcome === 'reached';
    const body = reached
      ? {
          householdId,
          outcome: v.outcome,
          residentsPresent: v.residentsPresent ?? 0,
          feverCount: v.feverCount ?? 0,
          symptoms: v.symptoms ?? false,
          riskReturn: v.riskReturn ?? false,
          ...(v.riskReturn
            ? { riskOriginCode: v.riskOriginCode ?? null, riskReturnedOn: v.riskReturnedOn?.format('YYYY-MM-DD') ?? null }
            : {}),
          outsiders: v.outsiders ?? 0,
          note: v.note?.trim() || null,
        }
      : { householdId, outcome: v.outcome, note: v.note?.trim() || null };
    try {
      // Through the outbox: without network the visit stays on the phone with the time it was made.
      const sent = await submitEntry<Visit>({
        kind: 'screeningVisit',
        method: 'POST',
        url: `/api/v1/screening/campaigns/${encodeURIComponent(campaignId)}/visits`,
        body,
        madeAtField: 'visitedAt',
        summary: SCREENING_OUTCOME_LABELS[v.outcome][lang],
      });
      if (!sent.sent) {
        void message.info(t('sync.keptOffline'));
        onDone(null);
        return;
      }
      const visit = sent.data;
      void message.success(
        visit.followUps.length
          ? `${t('screening.field.saved')}，${t('screening.field.followUpOpened')}`
          : t('screening.field.saved'),
      );
      onDone(visit);
    } catch (e) {
      report(e, form);
    }
  }

  return (
    <Form<VisitForm>
      form={form}
      layout="vertical"
      initialValues={{ outcome: 'reached', residentsPresent: 1, feverCount: 0, outsiders: 0, symptoms: false, riskReturn: false }}
      onFinish={(v) => void submit(v)}
      requiredMark={false}
    >
      <Form.Item name="outcome" label={t('screening.field.outcome')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          size="large"
          style={{ display: 'flex' }}
          options={SCREENING_OUTCOMES.map((o) => ({
            value: o,
            label: SCREENING_OUTCOME_LABELS[o][lang],
            style: { flex: 1, textAlign: 'center' },
          }))}
          data-testid="visit-outcome"
        />
      </Form.Item>
      {outcome === 'reached' ? (
        <>
          <Form.Item name="residentsPresent" label={t('screening.field.residentsPresent')} rules={[{ required: true }]}>
            <InputNumber min={0} max={50} inputMode="numeric" data-testid="visit-residents" {...BIG} />
          </Form.Item>
          <Form.Item name="feverCount" label={t('screening.field.feverCount')}>
            <InputNumber min={0} max={50} inputMode="numeric" data-testid="visit-fever" {...BIG} />
          </Form.Item>
          <Form.Item name="symptoms" label={t('screening.field.symptoms')} valuePropName="checked">
            <Switch data-testid="visit-symptoms" />
          </Form.Item>
          <Form.Item name="riskReturn" label={t('screening.field.riskReturn')} valuePropName="checked">
            <Switch data-testid="visit-risk" />
          </Form.Item>
          {riskReturn ? (
            <>
              <Form.Item name="riskOriginCode" label={t('screening.field.riskOrigin')} rules={[{ required: true }]}>
                <DivisionSelect size="large" testId="visit-origin" style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="riskReturnedOn" label={t('screening.field.riskReturnedOn')} rules={[{ required: true }]}>
                <DatePicker
                  size="large"
                  inputReadOnly
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  data-testid="visit-returned-on"
                />
              </Form.Item>
            </>
          ) : null}
          <Form.Item name="outsiders" label={t('screening.field.outsiders')}>
            <InputNumber min={0} max={50} inputMode="numeric" data-testid="visit-outsiders" {...BIG} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="note" label={t('screening.field.note')} rules={[{ max: 200 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block style={{ height: 52 }} data-testid="visit-submit">
        {t('screening.field.submit')}
      </Button>
    </Form>
  );
}
