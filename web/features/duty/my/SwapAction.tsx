import { SwapOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyDuty } from '../me.api.ts';

/** Swaps are for shifts not yet begun, one pending request at a time (the server holds the same rules). */
export function canAskSwap(duty: MyDuty): boolean {
  return !duty.pendingSwap && Date.parse(duty.startsAt) > Date.now();
}

export function SwapAction({ duty, onSwap, block }: { duty: MyDuty; onSwap: (duty: MyDuty) => void; block?: boolean }) {
  const { t } = useTranslation();
  if (!canAskSwap(duty)) return null;
  return (
    <Button icon={<SwapOutlined />} block={block} onClick={() => onSwap(duty)} data-testid={`swap-open-${duty.assignmentId}`}>
      {t('myDuty.swap.open')}
    </Button>
  );
}
