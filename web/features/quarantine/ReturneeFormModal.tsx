import { Alert, Checkbox, Col, DatePicker, Flex, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXPOSURE_FLAGS,
  TRANSPORT_MODES,
  type ExposureFlag,
  type RiskAreaLevel,
  type TransportMode,
} from '../../../common/enums.ts';
import { EXPOSURE_FLAG_LABELS, TRANSPORT_MODE_LABELS } from '../../../common/labels.ts';
import { proposeMeasure } from '../../../common/measures.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { DivisionSelect } from '../passages/DivisionSelect.tsx';
import { useRiskAreas, type RiskArea } from '../passages/passages.api.ts';
import { PersonFields, personInitialValues, personInput, personPatch, type PersonForm } from './PersonFields.tsx';
import { MeasureTag, useReasonText } from './ReturneeParts.tsx';
import {
  RETURNEES_KEY,
  updateReturnee,
  useFollowUpToRegister,
  type CreateReturneeInput,
  type Returnee,
} from './returnees.api.ts';

const DAY = 'YYYY-MM-DD';
/** The ways of travel that have a number to check (rail and air) or a coach/ship service to name. */
const NEEDS_TRIP: ReadonlySet<TransportMode> = new Set(['rail', 'air', 'coach', 'ship']);

export interface ReturneeForm extends PersonForm {
  originCode: string;
  returnedOn: Dayjs;
  transport: TransportMode;
  tripNumber?: string;
  exposures?: ExposureFlag[];
  note?: string;
}

/** The level of the risk area an origin fell in on a date, as the server matches it (province and city cover their parts). */
function riskLevelOn(originCode: string | undefined, on: string, areas: readonly RiskArea[]): RiskAreaLevel | null {
  if (!originCode) return null;
  const covers = (code: string) =>
    originCode.startsWith(code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code);
  const hits = areas.filter((a) => a.startsOn <= on && (a.endsOn === null || a.endsOn >= on) && covers(a.code));
  return hits.some((a) => a.level === 'high') ? 'high' : hits.length ? 'medium' : null;
}

/** The proposal for what is typed so far, by the same rules the server applies when it saves. */
function LiveProposal({ form }: { form: ReturneeForm | undefined }) {
  const { t } = useTranslation();
  const reasons = useReasonText();
  const areas = useRiskAreas(false).data ?? [];
  if (!form?.originCode || !form.returnedOn) return null;
  const on = form.returnedOn.format(DAY);
  const proposal = proposeMeasure({
    riskLevel: riskLevelOn(form.originCode, on, areas),
    originCode: form.originCode,
    daysSinceReturn: dayjs().startOf('day').diff(form.returnedOn.startOf('day'), 'day'),
    exposures: form.exposures ?? [],
  });
  return (
    <Alert
      type={proposal.measure === 'home_isolation' ? 'error' : proposal.measure === 'health_monitoring' ? 'warning' : 'success'}
      showIcon
      data-testid="returnee-form-proposal"
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t('returnees.proposalLive')}</span>
          <MeasureTag measure={proposal.measure} />
          <Typography.Text type="secondary">{reasons(proposal.reasons)}</Typography.Text>
        </Flex>
      }
    />
  );
}

/**
 * Registers a returnee (from a follow-up task when `followUpId` is given: its person and origin
 * fill the form, and saving closes the task) or corrects one. The proposal shows as it is filled.
 */
export function ReturneeFormModal({
  returnee,
  followUpId,
  onClose,
}: {
  returnee?: Returnee;
  followUpId?: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useIdempotentCreate();
  const [form] = Form.useForm<ReturneeForm>();
  const values = Form.useWatch([], form);
  const task = useFollowUpToRegister(followUpId ?? null).data;

  const initialValues = useMemo<Partial<ReturneeForm>>(() => {
    if (returnee) {
      return {
        ...personInitialValues(returnee),
        originCode: returnee.originCode,
        returnedOn: dayjs(returnee.returnedOn),
        transport: returnee.transport,
        tripNumber: returnee.tripNumber ?? undefined,
        exposures: returnee.exposures,
        note: returnee.note ?? undefined,
      };
    }
    return { returnedOn: dayjs(), transport: 'rail', exposures: [] };
  }, [returnee]);

  // The task's person arrives after the dialog opens: fill only what is still empty.
  const [prefilled, setPrefilled] = useState(false);
  if (task && !prefilled) {
    setPrefilled(true);
    form.setFieldsValue({
      regionId: form.getFieldValue('regionId') ?? task.regionId,
      name: task.personName && !task.personName.includes('*') ? task.personName : undefined,
      mobile: task.personMobile && !task.personMobile.includes('*') ? task.personMobile : undefined,
      originCode: task.details.originCode ?? undefined,
      returnedOn: dayjs(task.details.occurredAt),
    });
  }

  async function submit(v: ReturneeForm) {
    const body: CreateReturneeInput = {
      ...personInput(v),
      originCode: v.originCode,
      returnedOn: v.returnedOn.format(DAY),
      transport: v.transport,
      tripNumber: v.tripNumber?.trim() || null,
      exposures: v.exposures ?? [],
      note: v.note?.trim() || null,
    };
    if (returnee) await updateReturnee(returnee.id, personPatch(body));
    else await create('/returnees', { ...body, ...(followUpId ? { followUpId } : {}) });
  }

  const transport = values?.transport;
  return (
    <FormModal<ReturneeForm>
      title={returnee ? t('returnees.editTitle') : t('returnees.register')}
      testId="returnee-form"
      form={form}
      onClose={onClose}
      submit={submit}
      invalidate={[RETURNEES_KEY]}
      initialValues={initialValues}
      width={720}
      scrollToFirstError
      intro={
        task ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('returnees.fromFollowUp', { region: task.regionName, origin: task.details.originName ?? '—' })}
          />
        ) : null
      }
    >
      <Row gutter={12}>
        <PersonFields testId="returnee-form" existing={returnee} />
        <Col xs={24} sm={12}>
          <Form.Item
            name="originCode"
            label={t('returnees.origin')}
            rules={[{ required: true, message: t('returnees.originRequired') }]}
          >
            <DivisionSelect
              testId="returnee-form-origin"
              initial={returnee ? { code: returnee.originCode, name: returnee.originName } : null}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="returnedOn"
            label={t('returnees.returnedOn')}
            rules={[{ required: true, message: t('returnees.returnedOnRequired') }]}
          >
            <DatePicker
              allowClear={false}
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs().subtract(60, 'day'), 'day')}
              data-testid="returnee-form-returned-on"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="transport" label={t('returnees.transport')} rules={[{ required: true }]}>
            <Select<TransportMode>
              options={TRANSPORT_MODES.map((m) => ({ value: m, label: TRANSPORT_MODE_LABELS[m][language] }))}
              data-testid="returnee-form-transport"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="tripNumber"
            label={t('returnees.tripNumber')}
            rules={[{ required: !!transport && NEEDS_TRIP.has(transport), whitespace: true }]}
          >
            <Input
              maxLength={30}
              placeholder={t('returnees.tripPlaceholder')}
              disabled={transport === 'car'}
              data-testid="returnee-form-trip"
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="exposures" label={t('returnees.exposures')}>
            <Checkbox.Group
              options={EXPOSURE_FLAGS.map((f) => ({ value: f, label: EXPOSURE_FLAG_LABELS[f][language] }))}
              data-testid="returnee-form-exposures"
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={t('returnees.note')}>
            <Input.TextArea rows={2} maxLength={500} data-testid="returnee-form-note" />
          </Form.Item>
        </Col>
      </Row>
      <LiveProposal form={values} />
    </FormModal>
  );
}
