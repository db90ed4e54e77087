import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PledgeDecision } from '../../../common/enums.ts';
import { api } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import type { OneTimePassword } from '../../components/OneTimePasswordModal.tsx';
import { VOLUNTEERS_KEY } from '../volunteers/volunteers.api.ts';
import { PLEDGES_KEY, type BulkDecisionResult, type DecisionResult, type Pledge } from './pledges.api.ts';

export interface DecisionTarget {
  decision: PledgeDecision;
  pledges: Pledge[];
}

interface DecisionForm {
  reason?: string;
  createAccount?: boolean;
}

/**
 * Approve, reject (with a reason) or waitlist one pledge or several. One pledge answers with its
 * account's one-time password, if one was made; several answer with a result per pledge.
 */
export function DecisionModal({
  target,
  onClose,
  onDecided,
  onAccount,
  onBulkResult,
}: {
  target: DecisionTarget;
  onClose: () => void;
  onDecided: () => void;
  onAccount: (password: OneTimePassword) => void;
  onBulkResult: (result: BulkDecisionResult, pledges: Pledge[]) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const report = useReportError();
  const [form] = Form.useForm<DecisionForm>();
  const [busy, setBusy] = useState(false);
  const { decision, pledges } = target;
  const single = pledges.length === 1 ? pledges[0]! : null;

  async function submit(values: DecisionForm) {
    setBusy(true);
    const reason = values.reason?.trim() || undefined;
    const createAccount = decision === 'approve' && !!values.createAccount;
    try {
      if (single) {
        const result = await api.post<DecisionResult>(`/pledges/${single.id}/decision`, {
          decision,
          ...(reason ? { reason } : {}),
          ...(decision === 'approve' ? { createAccount } : {}),
        });
        void message.success(t(`pledges.decided.${decision}`));
        if (result.account)
          onAccount({ name: result.pledge.name, login: result.account.login, password: result.account.initialPassword });
      } else {
        const result = await api.post<BulkDecisionResult>('/pledges/decisions', {
          ids: pledges.map((p) => p.id),
          decision,
          ...(reason ? { reason } : {}),
          ...(decision === 'approve' ? { createAccounts: createAccount } : {}),
        });
        onBulkResult(result, pledges);
      }
      await client.invalidateQueries({ queryKey: [PLEDGES_KEY] });
      if (decision === 'approve') await client.invalidateQueries({ queryKey: [VOLUNTEERS_KEY] });
      onDecided();
      onClose();
    } catch (e) {
      report(e, form);
    } finally {
      setBusy(false);
    }
  }

  const names = pledges
    .slice(0, 8)
    .map((p) => p.name)
    .join('、');
  return (
    <Modal
      open
      title={single ? t(`pledges.decisionTitle.${decision}`) : t(`pledges.bulkTitle.${decision}`, { count: pledges.length })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t(`pledges.action.${decision}`)}
      okButtonProps={{ danger: decision === 'reject', 'data-testid': 'decision-submit' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'decision-cancel' } as ButtonProps}
    >
      <Typography.Paragraph>
        {pledges.length > 8
          ? t('pledges.decisionWhoMore', { names, count: pledges.length })
          : t('pledges.decisionWho', { names })}
      </Typography.Paragraph>
      {decision === 'approve' ? (
        <Alert type="info" showIcon title={t('pledges.approveHint')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
        initialValues={{ createAccount: false }}
      >
        <Form.Item
          name="reason"
          label={decision === 'reject' ? t('pledges.reasonRequired') : t('pledges.reasonOptional')}
          rules={decision === 'reject' ? [{ required: true, whitespace: true, message: t('auth.required') }] : []}
          extra={decision === 'approve' ? undefined : t('pledges.reasonShown')}
        >
          <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2 }} data-testid="decision-reason" />
        </Form.Item>
        {decision === 'approve' ? (
          <Form.Item name="createAccount" valuePropName="checked" extra={t('pledges.createAccountHint')}>
            <Checkbox data-testid="decision-create-account">{t('pledges.createAccount')}</Checkbox>
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
