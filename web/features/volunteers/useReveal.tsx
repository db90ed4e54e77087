import { EyeOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useConfirm } from '../../app/confirm.ts';
import { can, useMe } from '../../app/session.ts';
import type { Revealed } from './volunteers.api.ts';

/**
 * The full ID number and mobile behind the masks, after a confirmation that says the reveal is
 * audited. Kept only while the page or drawer shows this person.
 */
export function useReveal(path: string | null) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const allowed = can(useMe().data, 'pii.reveal');
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  useEffect(() => setRevealed(null), [path]);
  const reveal = useCallback(() => {
    if (!path) return;
    confirm({
      title: t('person.revealTitle'),
      content: t('person.revealConfirm'),
      okText: t('person.reveal'),
      testId: 'pii-reveal-confirm',
      action: async () => {
        setRevealed(await api.post<Revealed>(path));
        void message.info(t('accounts.revealAudited'));
      },
    });
  }, [confirm, message, path, t]);
  return { allowed, revealed, reveal };
}

export function RevealButton({ onClick, testId }: { onClick: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Button size="small" type="link" icon={<EyeOutlined />} onClick={onClick} data-testid={testId}>
      {t('person.reveal')}
    </Button>
  );
}
