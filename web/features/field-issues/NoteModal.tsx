import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { FIELD_ISSUES_KEY } from './fieldIssues.api.ts';

/**
 * A step that needs words: the resolution when marking resolved, or what is still wrong when
 * sending a resolution back. The server words a missing note against `note`, which lands here.
 */
export function NoteModal({
  title,
  label,
  hint,
  okText,
  success,
  testId,
  onClose,
  submit,
}: {
  title: string;
  label: string;
  hint: string;
  okText: string;
  success: string;
  testId: string;
  onClose: () => void;
  submit: (note: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <FormModal<{ note: string }>
      title={title}
      testId={testId}
      okText={okText}
      success={success}
      onClose={onClose}
      invalidate={[FIELD_ISSUES_KEY]}
      submit={(v) => submit(v.note.trim())}
    >
      <Form.Item name="note" label={label} rules={[{ required: true, whitespace: true, message: t('fieldIssues.noteRequired') }]}>
        <Input.TextArea
          autoFocus
          // The hint as placeholder: an `extra` line would sit under the character count.
          placeholder={hint}
          maxLength={1000}
          showCount
          autoSize={{ minRows: 3, maxRows: 8 }}
          data-testid={`${testId}-note`}
        />
      </Form.Item>
    </FormModal>
  );
}
