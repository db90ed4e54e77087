import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RISK_AREA_LEVELS, type RiskAreaLevel } from '../../../../common/enums.ts';
import { RISK_AREA_LEVEL_LABELS } from '../../../../common/labels.ts';
import { useIdempotentCreate } from '../../../components/idempotency.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { useLanguage } from '../../../app/useLanguage.ts';
import { today } from '../../duty/roster/time.ts';
import { DivisionSelect } from '../DivisionSelect.tsx';
import { RISK_AREAS_KEY, updateRiskArea, type CreateRiskAreaInput, type RiskArea } from '../passages.api.ts';

interface Values {
  code: string;
  level: RiskAreaLevel;
  startsOn: Dayjs;
  endsOn: Dayjs | null;
  note: string;
}

const DAY = 'YYYY-MM-DD';

/** A risk area: the division is chosen once; level, period and note may change as the notices do. */
export function RiskAreaFormModal({ area, onClose }: { area: RiskArea | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useIdempotentCreate();
  const initialValues: Partial<Values> = area
    ? {
        code: area.code,
        level: area.level,
        startsOn: dayjs(area.startsOn),
        endsOn: area.endsOn ? dayjs(area.endsOn) : null,
        note: area.note ?? '',
      }
    : { level: 'high', startsOn: dayjs(today()), endsOn: null, note: '' };

  async function submit(v: Values) {
    const period = {
      level: v.level,
      startsOn: v.startsOn.format(DAY),
      endsOn: v.endsOn ? v.endsOn.format(DAY) : null,
      note: v.note.trim() || null,
    };
    if (area) await updateRiskArea(area.id, period);
    else await create<RiskArea>('/risk-areas', { code: v.code, ...period } satisfies CreateRiskAreaInput);
  }

  return (
    <FormModal<Values>
      title={area ? t('passages.riskAreas.edit') : t('passages.riskAreas.create')}
      testId="risk-area-form"
      onClose={onClose}
      submit={submit}
      invalidate={[RISK_AREAS_KEY]}
      initialValues={initialValues}
    >
      <Form.Item
        name="code"
        label={t('passages.riskAreas.division')}
        rules={[{ required: true, message: t('passages.riskAreas.divisionRequired') }]}
      >
        <DivisionSelect
          disabled={!!area}
          initial={area ? { code: area.code, name: area.name } : null}
          allowClear={false}
          style={{ width: '100%' }}
          testId="risk-area-division"
        />
      </Form.Item>
      <Form.Item name="level" label={t('passages.riskAreas.level')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={RISK_AREA_LEVELS.map((l) => ({ value: l, label: RISK_AREA_LEVEL_LABELS[l][language] }))}
          data-testid="risk-area-level"
        />
      </Form.Item>
      <Form.Item
        name="startsOn"
        label={t('passages.riskAreas.startsOn')}
        rules={[{ required: true, message: t('auth.required') }]}
      >
        <DatePicker style={{ width: '100%' }} data-testid="risk-area-starts" />
      </Form.Item>
      <Form.Item name="endsOn" label={t('passages.riskAreas.endsOn')} extra={t('passages.riskAreas.endsOnHint')}>
        <DatePicker style={{ width: '100%' }} data-testid="risk-area-ends" />
      </Form.Item>
      <Form.Item name="note" label={t('passages.riskAreas.note')}>
        <Input.TextArea
          rows={2}
          maxLength={200}
          placeholder={t('passages.riskAreas.notePlaceholder')}
          data-testid="risk-area-note"
        />
      </Form.Item>
    </FormModal>
  );
}
