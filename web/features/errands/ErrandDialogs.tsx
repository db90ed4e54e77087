import { CameraOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { resizePhoto } from '../../components/resizePhoto.ts';
import { deliverWithPhoto, keptOffline, MY_ERRANDS_KEY, useErrandAct, type Card } from './myErrands.api.ts';

/** Giving an order back to the post (the claimer) or cancelling it (the leader): both need a reason. */
export function ReasonModal({ card, act, onClose }: { card: Card; act: 'release' | 'cancel'; onClose: () => void }) {
  const { t } = useTranslation();
  const send = useErrandAct();
  return (
    <FormModal<{ reason: string }>
      title={t(act === 'release' ? 'myErrands.releaseTitle' : 'myErrands.cancelTitle', { ref: card.ref })}
      testId={`errand-${act}`}
      onClose={onClose}
      invalidate={[MY_ERRANDS_KEY]}
      success={t(act === 'release' ? 'myErrands.released' : 'myErrands.cancelled')}
      okText={t(act === 'release' ? 'myErrands.release' : 'myErrands.cancel')}
      intro={
        <Typography.Paragraph type="secondary">
          {t(act === 'release' ? 'myErrands.releaseIntro' : 'myErrands.cancelIntro')}
        </Typography.Paragraph>
      }
      submit={(v) => send.mutateAsync({ id: card.id, act, body: { reason: v.reason.trim() } })}
    >
      <Form.Item
        name="reason"
        label={t('myErrands.reason')}
        rules={[{ required: true, whitespace: true, message: t('myErrands.reason') }]}
      >
        <Input.TextArea rows={2} maxLength={200} data-testid={`errand-${act}-reason`} />
      </Form.Item>
    </FormModal>
  );
}

/** The leader gives an order to a member of the post's team (or hands it over to another). */
export function AssignModal({ card, crew, onClose }: { card: Card; crew: { id: string; name: string }[]; onClose: () => void }) {
  const { t } = useTranslation();
  const send = useErrandAct();
  return (
    <FormModal<{ volunteerId: string }>
      title={t('myErrands.assignTitle', { ref: card.ref })}
      testId="errand-assign"
      onClose={onClose}
      invalidate={[MY_ERRANDS_KEY]}
      success={t('myErrands.assigned')}
      okText={t('myErrands.assign')}
      submit={(v) => send.mutateAsync({ id: card.id, act: 'assign', body: { volunteerId: v.volunteerId } })}
    >
      <Form.Item
        name="volunteerId"
        label={t('myErrands.assignee')}
        rules={[{ required: true, message: t('myErrands.assignee') }]}
      >
        <Select
          data-testid="errand-assignee"
          options={crew.filter((m) => m.id !== card.claimedBy?.id).map((m) => ({ value: m.id, label: m.name }))}
        />
      </Form.Item>
    </FormModal>
  );
}

/**
 * 送达: contactless proof, a photo taken with the phone's camera (shrunk before upload) and/or a
 * note; one of the two is needed.
 */
export function DeliverModal({ card, onClose }: { card: Card; onClose: () => void }) {
  const { t } = useTranslation();
  const send = useErrandAct();
  const picker = useRef<HTMLInputElement>(null);
  const [photo, setPhoto] = useState<Blob | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    const small = await resizePhoto(file);
    setPhoto(small);
    setPreview(URL.createObjectURL(small));
  };

  return (
    <FormModal<{ note?: string }>
      title={t('myErrands.deliverTitle', { ref: card.ref })}
      testId="errand-deliver"
      onClose={onClose}
      invalidate={[MY_ERRANDS_KEY]}
      success={(r) => (keptOffline(r) ? t('sync.keptOffline') : t('myErrands.deliveredOk'))}
      okText={t('myErrands.deliver')}
      intro={<Typography.Paragraph type="secondary">{t('myErrands.deliverIntro')}</Typography.Paragraph>}
      submit={async (v) => {
        const note = v.note?.trim();
        const summary = `${card.ref} · ${t('myErrands.deliver')}`;
        // Either waits on the phone without network, the photo included.
        if (photo) return deliverWithPhoto(card.id, photo, note, summary, setProgress).finally(() => setProgress(null));
        // Placed under the note field like any other refusal.
        if (!note) throw new ApiError(422, 'VALIDATION', t('myErrands.proofNeeded'), { note: t('myErrands.proofNeeded') });
        return send.mutateAsync({ id: card.id, act: 'deliver', body: { note }, summary });
      }}
    >
      <Form.Item label={t('myErrands.photo')}>
        <Flex vertical gap={8} align="start">
          {preview ? (
            <img src={preview} alt={t('myErrands.photo')} style={{ maxWidth: '100%', maxHeight: 220, borderRadius: 6 }} />
          ) : null}
          <Button icon={<CameraOutlined />} onClick={() => picker.current?.click()} data-testid="errand-photo-button">
            {t(preview ? 'myErrands.retakePhoto' : 'myErrands.takePhoto')}
          </Button>
          <input
            ref={picker}
            type="file"
            accept="image/*"
            capture="environment"
            hidden
            data-testid="errand-photo-input"
            onChange={(e) => void pick(e.target.files?.[0])}
          />
          {progress !== null ? (
            <Typography.Text type="secondary">{t('myErrands.uploading', { percent: progress })}</Typography.Text>
          ) : null}
        </Flex>
      </Form.Item>
      <Form.Item name="note" label={t('myErrands.proofNote')}>
        <Input.TextArea
          rows={2}
          maxLength={200}
          placeholder={t('myErrands.proofNotePlaceholder')}
          data-testid="errand-proof-note"
        />
      </Form.Item>
    </FormModal>
  );
}
