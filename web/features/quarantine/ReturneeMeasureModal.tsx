import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { MEASURES, type Measure } from '../../../common/enums.ts';
import { MEASURE_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useReasonText } from './ReturneeParts.tsx';
import { decideMeasure, RETURNEES_KEY, type Returnee } from './returnees.api.ts';

interface MeasureForm {
  measure: Measure;
  reason?: string;
}

/** Staff take the proposed measure, or choose another and say why. */
export function ReturneeMeasureModal({ returnee, onClose }: { returnee: Returnee; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const reasons = useReasonText();
  const [form] = Form.useForm<MeasureForm>();
  const chosen = Form.useWatch('measure', form);
  const differs = chosen !== undefined && chosen !== returnee.proposedMeasure;
  return (
    <FormModal<MeasureForm>
      title={t('returnees.confirmTitle')}
      testId="returnee-measure-form"
      form={form}
      onClose={onClose}
      submit={(v) => decideMeasure(returnee.id, { measure: v.measure, ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) })}
      invalidate={[RETURNEES_KEY]}
      success={t('returnees.measureSaved')}
      okText={t('returnees.confirm')}
      initialValues={{ measure: returnee.measure ?? returnee.proposedMeasure }}
      intro={
        <p>
          {t('returnees.confirmIntro', {
            measure: MEASURE_LABELS[returnee.proposedMeasure][language],
            reasons: reasons(returnee.proposalReasons),
          })}
        </p>
      }
    >
      <Form.Item name="measure" label={t('returnees.measure')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={MEASURES.map((m) => ({ value: m, label: MEASURE_LABELS[m][language] }))}
          data-testid="returnee-measure-choice"
        />
      </Form.Item>
      {differs ? (
        <Form.Item
          name="reason"
          label={t('returnees.reason')}
          rules={[{ required: true, whitespace: true, message: t('returnees.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="returnee-measure-reason" />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
