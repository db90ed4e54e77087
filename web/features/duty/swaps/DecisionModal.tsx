import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { approveSwap, rejectSwap, SWAPS_KEY, type SwapRequest } from '../swaps.api.ts';

export type Decision = 'approve' | 'reject';

/**
 * A refused approval names the broken rules under `targetVolunteerId`, a field this dialog does
 * not have: they belong in the notice, worded as the server wrote them, without the field path.
 */
function rulesIntoMessage(error: unknown, label: (text: string) => string): unknown {
  if (!(error instanceof ApiError)) return error;
  const { reason, ...others } = error.fields;
  const texts = Object.values(others);
  if (!texts.length) return error;
  const message = `${label(error.message)}${texts.join(' · ')}`;
  return new ApiError(error.status, error.code, message, reason ? { reason } : {}, error.rows);
}

/** Approving may carry a reason; rejecting must: the volunteer reads it in their notification. */
export function DecisionModal({ swap, decision, onClose }: { swap: SwapRequest; decision: Decision; onClose: () => void }) {
  const { t } = useTranslation();
  const approving = decision === 'approve';
  return (
    <FormModal<{ reason?: string }>
      title={
        approving
          ? t('dutyNow.approveTitle', { requester: swap.requester.name, target: swap.target.name })
          : t('dutyNow.rejectTitle', { requester: swap.requester.name })
      }
      testId="swap-decision"
      onClose={onClose}
      submit={async ({ reason }) => {
        const text = reason?.trim() ?? '';
        if (approving) await approveSwap(swap.id, text || null);
        else await rejectSwap(swap.id, text);
      }}
      invalidate={[SWAPS_KEY]}
      placeErrors={(e) => rulesIntoMessage(e, (text) => t('dutyNow.fieldLabel', { label: text }))}
      success={approving ? t('dutyNow.approvedToast') : t('dutyNow.rejectedToast')}
      okText={approving ? t('dutyNow.approve') : t('dutyNow.reject')}
    >
      <Form.Item
        name="reason"
        label={approving ? t('dutyNow.reasonOptional') : t('dutyNow.reason')}
        rules={approving ? [] : [{ required: true, whitespace: true, message: t('dutyNow.reasonRequired') }]}
      >
        <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2 }} data-testid="swap-decision-reason" />
      </Form.Item>
    </FormModal>
  );
}
