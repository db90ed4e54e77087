import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api.ts';
import { useReportError } from '../../../app/errors.ts';
import { useIsPhone } from '../../../app/useIsPhone.ts';
import { PASSAGES_KEY, updatePassage, type Passage, type PassageSettings, type RiskArea } from '../passages.api.ts';
import { entryOf, updateBody, type EntryValues } from './entryValues.ts';
import type { Place } from './OriginPicker.tsx';
import { PassageForm, showFirstProblem } from './PassageForm.tsx';

/** A correction of one of the volunteer's own entries while its edit window is open. */
export function EditPassageDrawer({
  passage,
  settings,
  riskAreas,
  recentPlaces,
  onClose,
}: {
  passage: Passage;
  settings: PassageSettings;
  riskAreas: readonly RiskArea[];
  recentPlaces: readonly Place[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const report = useReportError();
  const phone = useIsPhone();
  const [form] = Form.useForm<EntryValues>();
  const [busy, setBusy] = useState(false);
  const places = passage.originCode && passage.originName ? [{ code: passage.originCode, name: passage.originName }] : [];

  async function save(values: EntryValues) {
    const body = updateBody(passage, values, settings);
    if (!body) {
      onClose();
      return;
    }
    setBusy(true);
    try {
      const saved = await updatePassage(passage.id, body);
      void message.success(t('passages.entry.corrected'));
      if (saved.followUps.length > passage.followUps.length) void message.warning(t('passages.entry.followUpOpened'));
      onClose();
    } catch (e) {
      report(e, form);
      showFirstProblem(form);
      // The window closed while the volunteer typed: the list shows it locked now.
      if (e instanceof ApiError && e.status === 409) onClose();
    } finally {
      setBusy(false);
      await client.invalidateQueries({ queryKey: [PASSAGES_KEY] });
    }
  }

  return (
    <Drawer
      open
      title={t('passages.entry.editTitle')}
      placement={phone ? 'bottom' : 'right'}
      size={phone ? '92%' : 480}
      onClose={onClose}
      destroyOnHidden
      data-testid="passage-edit-drawer"
    >
      <PassageForm
        form={form}
        initialValues={entryOf(passage)}
        settings={settings}
        riskAreas={riskAreas}
        recentPlaces={[...places, ...recentPlaces]}
        onFinish={(v) => void save(v)}
        testId="passage-edit"
        footer={
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={busy}
            style={{ height: 52, fontSize: 18 }}
            data-testid="passage-edit-save"
          >
            {t('passages.entry.saveCorrection')}
          </Button>
        }
      />
    </Drawer>
  );
}
