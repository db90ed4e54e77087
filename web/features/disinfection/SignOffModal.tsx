import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/dates.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { DISINFECTION_KEY, signOffLog, type Log } from './disinfection.api.ts';
import { placeOf, squareMetres } from './DisinfectionTags.tsx';

/** An inspector's or manager's sign-off of one job, with an optional remark. */
export function SignOffModal({ log, onClose }: { log: Log; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<{ note?: string }>
      title={t('disinfection.logs.signOffTitle')}
      testId="sign-off-form"
      onClose={onClose}
      invalidate={[DISINFECTION_KEY]}
      success={t('disinfection.logs.signedOk')}
      okText={t('disinfection.logs.signOff')}
      intro={
        <Typography.Paragraph>
          {t('disinfection.logs.signOffIntro', {
            place: placeOf(log, t),
            by: log.by.name,
            at: formatDateTime(log.doneAt),
            area: squareMetres(log.areaM2),
            agent: log.agent,
            concentration: log.concentration ?? '',
          })}
        </Typography.Paragraph>
      }
      submit={(v) => signOffLog(log.id, v.note?.trim() || undefined)}
    >
      <Form.Item name="note" label={t('disinfection.logs.signOffNote')}>
        <Input.TextArea
          rows={2}
          maxLength={200}
          placeholder={t('disinfection.logs.signOffNotePlaceholder')}
          data-testid="sign-off-note"
        />
      </Form.Item>
    </FormModal>
  );
}
