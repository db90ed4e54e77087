import { CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useReportError } from '../../../app/errors.ts';
import { ROSTERS_KEY, type RosterDetail } from '../rosters.api.ts';

/** The roster's name, renamed in place while it is a draft. */
export function RosterName({ roster, editable }: { roster: RosterDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const report = useReportError();
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    const name = draft?.trim() ?? '';
    if (!name || name === roster.name) {
      setDraft(null);
      return;
    }
    setBusy(true);
    try {
      await api.patch<RosterDetail>(`/rosters/${roster.id}`, { name });
      await client.invalidateQueries({ queryKey: [ROSTERS_KEY] });
      void message.success(t('rosters.renamed'));
      setDraft(null);
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  }

  if (draft === null) {
    return (
      <Space size={4}>
        <span data-testid="roster-name">{roster.name}</span>
        {editable ? (
          <Button
            type="text"
            size="small"
            icon={<EditOutlined />}
            aria-label={t('rosters.rename')}
            onClick={() => setDraft(roster.name)}
            data-testid="roster-rename"
          />
        ) : null}
      </Space>
    );
  }
  return (
    <Space.Compact>
      <Input
        autoFocus
        value={draft}
        maxLength={80}
        onChange={(e) => setDraft(e.target.value)}
        onPressEnter={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setDraft(null);
        }}
        style={{ width: 'min(360px, 60vw)' }}
        data-testid="roster-rename-input"
      />
      <Button
        icon={<CheckOutlined />}
        loading={busy}
        onClick={() => void save()}
        aria-label={t('common.save')}
        data-testid="roster-rename-save"
      />
      <Button icon={<CloseOutlined />} onClick={() => setDraft(null)} aria-label={t('common.close')} />
    </Space.Compact>
  );
}
