import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App, Form, Modal, type ButtonProps, type FormInstance, type FormProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../app/errors.ts';

export interface FormModalProps<V> {
  title: ReactNode;
  /** `${testId}-submit` and `${testId}-cancel` name the dialog's buttons for the browser tests. */
  testId: string;
  /** Whether the cancel button carries its test id too (some dialogs' tests never click it). */
  cancelTestId?: boolean;
  onClose: () => void;
  /** Sends the form; what it returns goes to `success` when that is a function. Thrown errors are reported onto the fields. */
  submit: (values: V) => Promise<unknown>;
  /** The queries that are stale once the submission succeeds. */
  invalidate: QueryKey;
  /** The success notice, or one chosen from what `submit` returned (kept offline, say); `common.saved` when not given. */
  success?: string | ((result: unknown) => string);
  /** The OK button's text; `common.save` when not given. */
  okText?: ReactNode;
  /** A form made by the caller, for dialogs that watch or set their own fields. */
  form?: FormInstance<V>;
  initialValues?: FormProps<V>['initialValues'];
  /** Rewrites a failure before its field problems are placed (server names → form names). */
  placeErrors?: (error: unknown) => unknown;
  width?: number;
  scrollToFirstError?: boolean;
  /** Shown above the form. */
  intro?: ReactNode;
  children: ReactNode;
}

/**
 * A dialog with one form: OK submits it; on success the given queries are refreshed, a notice is
 * shown and the dialog closes; on failure the server's field problems go under their fields.
 */
export function FormModal<V>({
  title,
  testId,
  cancelTestId = true,
  onClose,
  submit,
  invalidate,
  success,
  okText,
  form: given,
  initialValues,
  placeErrors,
  width,
  scrollToFirstError,
  intro,
  children,
}: FormModalProps<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const report = useReportError();
  const [form] = Form.useForm<V>(given);
  const [busy, setBusy] = useState(false);

  async function finish(values: V) {
    setBusy(true);
    try {
      const result = await submit(values);
      await client.invalidateQueries({ queryKey: invalidate });
      void message.success(typeof success === 'function' ? success(result) : (success ?? t('common.saved')));
      onClose();
    } catch (e) {
      report(placeErrors ? placeErrors(e) : e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={title}
      width={width}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={okText ?? t('common.save')}
      okButtonProps={{ 'data-testid': `${testId}-submit` } as ButtonProps}
      cancelButtonProps={cancelTestId ? ({ 'data-testid': `${testId}-cancel` } as ButtonProps) : undefined}
    >
      {intro}
      <Form<V>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={initialValues}
        scrollToFirstError={scrollToFirstError}
        onFinish={(v) => void finish(v)}
      >
        {children}
      </Form>
    </Modal>
  );
}
