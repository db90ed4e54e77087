import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Divider, Drawer, Empty, Flex, Input, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_SOURCE_LABELS } from '../../../../common/labels.ts';
import { api, ApiError, withQuery } from '../../../app/api.ts';
import { useConfirm } from '../../../app/confirm.ts';
import { useIsPhone } from '../../../app/useIsPhone.ts';
import { useLanguage } from '../../../app/useLanguage.ts';
import {
  ROSTERS_KEY,
  useCandidates,
  type AssignmentOut,
  type BoardRow,
  type BoardShift,
  type Candidate,
  type RosterDetail,
} from '../rosters.api.ts';
import { RiskTag } from '../../checkpoints/CheckpointTags.tsx';
import { AttendanceTag } from '../AttendanceTag.tsx';
import { shiftWhen } from './time.ts';

function Person({
  assignment: a,
  published,
  removable,
  onRemove,
}: {
  assignment: AssignmentOut;
  published: boolean;
  removable: boolean;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Flex justify="space-between" align="center" gap={8} data-testid={`assignment-${a.id}`}>
      <Space size={6} wrap>
        <Typography.Text>{a.volunteerName}</Typography.Text>
        <Tag style={{ marginInlineEnd: 0 }}>{ASSIGNMENT_SOURCE_LABELS[a.source][language]}</Tag>
        {published ? <AttendanceTag state={a.attendance} /> : null}
        {a.hours != null ? <Typography.Text type="secondary">{a.hours} h</Typography.Text> : null}
      </Space>
      <Button
        size="small"
        danger
        type="link"
        icon={<DeleteOutlined />}
        disabled={!removable}
        onClick={onRemove}
        data-testid={`assignment-remove-${a.id}`}
      >
        {t('rosters.remove')}
      </Button>
    </Flex>
  );
}

function CandidateItem({ candidate: c, busy, onAdd }: { candidate: Candidate; busy: boolean; onAdd: () => void }) {
  const { t } = useTranslation();
  const blocked = c.violations.length > 0;
  return (
    <Flex
      justify="space-between"
      align="flex-start"
      gap={8}
      style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
      data-testid={`candidate-${c.volunteerId}`}
    >
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Space size={6} wrap>
          <Typography.Text strong={!blocked} type={blocked ? 'secondary' : undefined}>
            {c.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.regionName}
          </Typography.Text>
        </Space>
        <Space size={8} wrap style={{ fontSize: 12 }}>
          <span>{c.distanceKm.toFixed(1)} km</span>
          <span>{t('rosters.candidateLoad', { count: c.load })}</span>
          {c.teamNames.map((name) => (
            <Tag key={name} color="blue" style={{ marginInlineEnd: 0, fontSize: 11 }}>
              {name}
            </Tag>
          ))}
        </Space>
        {blocked ? (
          <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`candidate-violations-${c.volunteerId}`}>
            {t('rosters.cannotAdd')}
            {c.violations.map((v) => v.message).join('；')}
          </Typography.Text>
        ) : null}
      </Flex>
      <Tooltip title={blocked ? c.violations.map((v) => v.message).join('；') : undefined}>
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={blocked}
          loading={busy}
          onClick={onAdd}
          data-testid={`candidate-add-${c.volunteerId}`}
        >
          {t('rosters.add')}
        </Button>
      </Tooltip>
    </Flex>
  );
}

/**
 * One shift: who is on it, and (for planners, before it starts) who could be added, with the rule
 * each other volunteer would break. The server re-checks every rule on each edit.
 */
export function ShiftDrawer({
  roster,
  checkpoint,
  shift,
  canPlan,
  onClose,
}: {
  roster: RosterDetail;
  checkpoint: BoardRow['checkpoint'];
  shift: BoardShift;
  canPlan: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const phone = useIsPhone();
  const { message } = App.useApp();
  const client = useQueryClient();
  const confirm = useConfirm();
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const published = roster.status === 'published';
  // Replacements may join a started shift; who was expected stays once a published shift started.
  const editable = canPlan && !shift.ended;
  const removable = editable && !(published && shift.started);
  const candidates = useCandidates(roster.id, shift.id, q, editable);
  const full = shift.assignments.length >= shift.required;

  async function add(c: Candidate) {
    setAdding(c.volunteerId);
    setProblem(null);
    try {
      await api.post<AssignmentOut>(`/rosters/${roster.id}/assignments`, { shiftId: shift.id, volunteerId: c.volunteerId });
      void message.success(t('rosters.added'));
    } catch (e) {
      // A rule broken since the list was loaded comes back worded per violation under volunteerId.
      setProblem(e instanceof ApiError ? (e.fields.volunteerId ?? e.message) : String(e));
    } finally {
      setAdding(null);
      await client.invalidateQueries({ queryKey: [ROSTERS_KEY] });
    }
  }

  function remove(a: AssignmentOut) {
    let reason = '';
    confirm({
      title: t('rosters.removeConfirm', { name: a.volunteerName }),
      content: (
        <Input
          maxLength={200}
          placeholder={t('rosters.removeReason')}
          aria-label={t('rosters.removeReason')}
          onChange={(e) => {
            reason = e.target.value;
          }}
          data-testid="assignment-remove-reason"
        />
      ),
      okText: t('rosters.remove'),
      danger: true,
      testId: 'assignment-remove-confirm',
      action: async () => {
        try {
          await api.delete(withQuery(`/rosters/${roster.id}/assignments/${a.id}`, { reason: reason.trim() }));
          void message.success(t('rosters.removed'));
        } finally {
          await client.invalidateQueries({ queryKey: [ROSTERS_KEY] });
        }
      },
    });
  }

  return (
    <Drawer
      open
      onClose={onClose}
      size={phone ? '100%' : 520}
      title={
        <Flex vertical gap={2}>
          <Space wrap size={6}>
            <span>{checkpoint.name}</span>
            <RiskTag risk={checkpoint.risk} />
          </Space>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {shiftWhen(shift.startsAt, shift.endsAt, language)} · {checkpoint.regionName}
          </Typography.Text>
        </Flex>
      }
      data-testid="shift-drawer"
    >
      {shift.ended ? (
        <Alert type="info" showIcon title={t('rosters.ended')} style={{ marginBottom: 12 }} />
      ) : published && shift.started ? (
        <Alert type="info" showIcon title={t('rosters.started')} style={{ marginBottom: 12 }} />
      ) : null}
      {!canPlan ? <Alert type="info" showIcon title={t('rosters.readOnly')} style={{ marginBottom: 12 }} /> : null}
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('rosters.drawerPeople', { count: shift.assignments.length, required: shift.required })}
      </Typography.Title>
      <Flex vertical gap={6} data-testid="shift-people">
        {shift.assignments.map((a) => (
          <Person key={a.id} assignment={a} published={published} removable={removable} onRemove={() => remove(a)} />
        ))}
        {shift.assignments.length === 0 ? <Typography.Text type="secondary">{t('rosters.noPeople')}</Typography.Text> : null}
        {shift.required > shift.assignments.length ? (
          <Typography.Text type="danger">
            {t('rosters.short', { count: shift.required - shift.assignments.length })}
          </Typography.Text>
        ) : null}
      </Flex>
      {editable ? (
        <>
          <Divider />
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('rosters.addPeople')}
          </Typography.Title>
          {full ? <Alert type="warning" showIcon title={t('rosters.full')} style={{ marginBottom: 8 }} /> : null}
          {problem ? (
            <Alert
              type="error"
              showIcon
              title={problem}
              closable={{ onClose: () => setProblem(null) }}
              style={{ marginBottom: 8 }}
              data-testid="assignment-problem"
            />
          ) : null}
          <Input.Search
            allowClear
            maxLength={40}
            placeholder={t('rosters.searchCandidate')}
            aria-label={t('rosters.searchCandidate')}
            onSearch={setQ}
            style={{ marginBottom: 4 }}
            data-testid="candidate-search"
          />
          <Spin spinning={candidates.isFetching}>
            <div data-testid="candidate-list">
              {candidates.isError ? <Alert type="error" showIcon title={candidates.error.message} /> : null}
              {(candidates.data ?? []).map((c) => (
                <CandidateItem key={c.volunteerId} candidate={c} busy={adding === c.volunteerId} onAdd={() => void add(c)} />
              ))}
              {candidates.data?.length === 0 ? <Empty description={t('rosters.noCandidates')} /> : null}
            </div>
          </Spin>
        </>
      ) : null}
    </Drawer>
  );
}
