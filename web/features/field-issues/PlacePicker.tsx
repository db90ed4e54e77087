import { EnvironmentOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Segmented, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../app/session.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { CheckpointSearch } from './CheckpointSearch.tsx';
import { useCheckpointName, useMyDutyCheckpoints } from './fieldIssues.api.ts';

export type PlaceMode = 'checkpoint' | 'region';

/** The checkpoint the page was opened for (from a visit or a duty card), as a read-only form control. */
function FixedCheckpoint({ value, fromVisit, onRelease }: { value?: string; fromVisit: boolean; onRelease: () => void }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const byId = useCheckpointName(value ?? null, can(me, 'checkpoints.read'));
  const mine = useMyDutyCheckpoints(!byId.data && can(me, 'duty.self')).find((c) => c.id === value);
  const known = byId.data ?? mine;
  return (
    <Card size="small" styles={{ body: { padding: 12 } }} data-testid="raise-issue-fixed-place" data-checkpoint={value}>
      <Flex justify="space-between" align="center" gap={8}>
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            <EnvironmentOutlined /> {known?.name ?? t('fieldIssues.placeCheckpoint')}
          </Typography.Text>
          {known ? <Typography.Text type="secondary">{known.regionName}</Typography.Text> : null}
          {fromVisit ? (
            <span>
              <Tag color="blue" style={{ marginTop: 4 }}>
                {t('fieldIssues.fromVisit')}
              </Tag>
            </span>
          ) : null}
        </Flex>
        {fromVisit ? null : (
          <Button type="link" onClick={onRelease} data-testid="raise-issue-change-place">
            {t('fieldIssues.changePlace')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}

/**
 * The checkpoints where the caller stands a shift now, as one-tap chips: a volunteer cannot search
 * checkpoints, and being on duty there is what lets them raise an issue at one outside their area.
 */
function DutyChips({ value, onChange }: { value?: string | null; onChange?: (id: string) => void }) {
  const { t } = useTranslation();
  const mine = useMyDutyCheckpoints(can(useMe().data, 'duty.self')).filter((c) => c.current);
  if (!mine.length) return null;
  return (
    <Flex vertical gap={6} style={{ marginBottom: 8 }}>
      <Typography.Text type="secondary">{t('fieldIssues.myCheckpoints')}</Typography.Text>
      <Flex wrap gap={8}>
        {mine.map((c) => (
          <Tag.CheckableTag
            key={c.id}
            checked={value === c.id}
            onChange={() => onChange?.(c.id)}
            style={{ fontSize: 15, padding: '6px 12px', marginInlineEnd: 0, border: '1px solid #d9d9d9' }}
            data-testid={`raise-issue-duty-${c.id}`}
          >
            {c.name}
          </Tag.CheckableTag>
        ))}
      </Flex>
    </Flex>
  );
}

/** A chosen checkpoint as a control: the caller's duty checkpoints, and a search for those who may read checkpoints. */
function CheckpointChoice({ value, onChange }: { value?: string | null; onChange?: (id: string | null) => void }) {
  const { t } = useTranslation();
  const searchable = can(useMe().data, 'checkpoints.read');
  return (
    <>
      <DutyChips value={value} onChange={onChange} />
      {searchable ? (
        <CheckpointSearch
          value={value}
          onChange={(id) => onChange?.(id)}
          placeholder={t('fieldIssues.pickCheckpoint')}
          testId="raise-issue-checkpoint"
        />
      ) : null}
    </>
  );
}

/**
 * 问题在哪里: a checkpoint fixed by the link the page was opened with, or picked here (a checkpoint,
 * or a community or other region). The fields are named as the server names them, so its field
 * problems land under them.
 */
export function PlacePicker({
  mode,
  onMode,
  fixed,
  fromVisit,
  onRelease,
}: {
  mode: PlaceMode;
  onMode: (mode: PlaceMode) => void;
  /** The checkpoint came with the link. */
  fixed: boolean;
  fromVisit: boolean;
  onRelease: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe().data;
  const onDuty = useMyDutyCheckpoints(can(me, 'duty.self')).some((c) => c.current);
  const canPickCheckpoint = can(me, 'checkpoints.read') || onDuty;
  const required = [{ required: true, message: t('fieldIssues.placeRequired') }];
  if (fixed)
    return (
      <Form.Item name="checkpointId" rules={required}>
        <FixedCheckpoint fromVisit={fromVisit} onRelease={onRelease} />
      </Form.Item>
    );
  const shown: PlaceMode = canPickCheckpoint ? mode : 'region';
  return (
    <>
      {canPickCheckpoint ? (
        <Segmented<PlaceMode>
          block
          size="large"
          value={shown}
          onChange={onMode}
          options={[
            {
              value: 'checkpoint',
              label: <span data-testid="raise-issue-mode-checkpoint">{t('fieldIssues.placeCheckpoint')}</span>,
            },
            { value: 'region', label: <span data-testid="raise-issue-mode-region">{t('fieldIssues.placeRegion')}</span> },
          ]}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {shown === 'checkpoint' ? (
        <Form.Item name="checkpointId" rules={required}>
          <CheckpointChoice />
        </Form.Item>
      ) : (
        <Form.Item name="regionId" rules={required}>
          <RegionTreeSelect placeholder={t('fieldIssues.pickRegion')} testId="raise-issue-region" style={{ width: '100%' }} />
        </Form.Item>
      )}
    </>
  );
}
