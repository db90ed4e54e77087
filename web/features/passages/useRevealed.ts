import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../app/confirm.ts';

/**
 * The full name, mobile and plate behind a list's masks, one row at a time, after a confirmation
 * saying the reveal is audited (whereabouts are sensitive). Kept only while the list is shown.
 */
export function useRevealed<T>(testId: string, fetch: (id: string) => Promise<T>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const [revealed, setRevealed] = useState<Record<string, T>>({});
  const reveal = useCallback(
    (id: string) =>
      confirm({
        title: t('passages.revealTitle'),
        content: t('passages.revealConfirm'),
        okText: t('passages.reveal'),
        testId,
        action: async () => {
          const shown = await fetch(id);
          setRevealed((prev) => ({ ...prev, [id]: shown }));
          void message.info(t('passages.revealAudited'));
        },
      }),
    [confirm, fetch, message, t, testId],
  );
  return { revealed, reveal };
}
