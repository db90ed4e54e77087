import { Form, Rate } from 'antd';
import { useTranslation } from 'react-i18next';
import { INSPECTION_RATINGS } from '../../../../common/enums.ts';
import { INSPECTION_RATING_LABELS } from '../../../../common/labels.ts';
import { useLanguage } from '../../../app/useLanguage.ts';

/**
 * The four ratings of the post, 1 to 5 stars, each to be given: no default, so a rating is the
 * inspector's judgement and never a value nobody looked at. Stars large enough for a thumb.
 */
export function RatingsFields() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      {INSPECTION_RATINGS.map((key) => (
        <Form.Item
          key={key}
          name={['ratings', key]}
          label={INSPECTION_RATING_LABELS[key][language]}
          rules={[{ required: true, message: t('inspections.visit.rateRequired') }]}
          style={{ marginBottom: 16 }}
        >
          <Rate allowClear={false} style={{ fontSize: 32 }} data-testid={`visit-rating-${key}`} />
        </Form.Item>
      ))}
    </>
  );
}
