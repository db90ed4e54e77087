import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { CONFLICTS_KEY, resolvePath, type Conflict, type ResolveInput } from './sync.api.ts';

/** 处理: settles a conflict with a note saying what was checked and done. */
export function ResolveConflictModal({
  conflict,
  onClose,
  onResolved,
}: {
  conflict: Conflict;
  onClose: () => void;
  /** Called with the conflict as resolved, before the list is refreshed. */
  onResolved?: (resolved: Conflict) => void;
}) {
  const { t } = useTranslation();
  // A resend after a lost answer is the same resolution, not a second one refused as already done.
  const send = useIdempotentCreate();
  return (
    <FormModal<ResolveInput>
      title={t('conflicts.resolveTitle')}
      testId="conflict-resolve-form"
      onClose={onClose}
      submit={async (v) => {
        const resolved = await send<Conflict>(resolvePath(conflict.id), { note: v.note.trim() });
        onResolved?.(resolved);
        return resolved;
      }}
      invalidate={[CONFLICTS_KEY]}
      success={t('conflicts.resolved')}
      okText={t('conflicts.resolve')}
      intro={
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {conflict.reason}
          <br />
          {t('conflicts.resolveIntro')}
        </Typography.Paragraph>
      }
    >
      <Form.Item
        name="note"
        label={t('conflicts.note')}
        rules={[{ required: true, whitespace: true, message: t('conflicts.noteRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('conflicts.noteHint')} data-testid="conflict-note" />
      </Form.Item>
    </FormModal>
  );
}
