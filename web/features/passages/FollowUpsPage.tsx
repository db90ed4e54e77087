import { useQueryClient } from '@tanstack/react-query';
import { App, Card, Empty, Flex, Form, Input, Pagination, Segmented, Table, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FOLLOW_UP_KINDS, FOLLOW_UP_STATUSES, type FollowUpKind, type FollowUpStatus } from '../../../common/enums.ts';
import { FOLLOW_UP_KIND_LABELS, FOLLOW_UP_STATUS_LABELS } from '../../../common/labels.ts';
import { useConfirm } from '../../app/confirm.ts';
import { formatDateTime } from '../../app/dates.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter, usePagedFilter } from '../../components/filters.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { FollowUpActions, FollowUpFacts, FollowUpStatusTag, PersonText } from './follow-ups/FollowUpParts.tsx';
import { FollowUpKindTag } from './PassageBits.tsx';
import {
  closeFollowUp,
  FOLLOW_UPS_KEY,
  revealFollowUp,
  takeFollowUp,
  useFollowUps,
  type FollowUp,
  type FollowUpFilter,
} from './passages.api.ts';
import { useRevealed } from './useRevealed.ts';

const ALL = 'all';

function CloseModal({ task, onClose }: { task: FollowUp; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<{ outcome: string }>
      title={t('passages.followUps.closeTitle')}
      testId="follow-up-close-form"
      onClose={onClose}
      submit={(v) => closeFollowUp(task.id, { outcome: v.outcome.trim() })}
      invalidate={[FOLLOW_UPS_KEY]}
      success={t('passages.followUps.closed')}
      okText={t('passages.followUps.close')}
    >
      <Form.Item
        name="outcome"
        label={t('passages.followUps.outcome')}
        rules={[{ required: true, whitespace: true, message: t('passages.followUps.outcomeRequired') }]}
      >
        <Input.TextArea
          rows={4}
          maxLength={500}
          showCount
          placeholder={t('passages.followUps.outcomePlaceholder')}
          data-testid="follow-up-outcome"
        />
      </Form.Item>
    </FormModal>
  );
}

/** 跟进任务: people seen at a gate with a fever or arriving from a risk area, for their community to follow up. */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const client = useQueryClient();
  const confirm = useConfirm();
  const phone = useIsPhone();
  const filterWidth = useFilterWidth();
  const me = useMe().data;
  const canReveal = can(me, 'pii.reveal');
  const canHandle = can(me, 'followUps.handle');
  const canRegister = can(me, 'quarantine.write');
  const navigate = useNavigate();
  const { filter, change, page, pageSize, setPage, pagination } = usePagedFilter<FollowUpFilter>();
  const tasks = useFollowUps(filter, page, pageSize);
  const { revealed, reveal } = useRevealed('follow-up-reveal-confirm', revealFollowUp);
  const [closing, setClosing] = useState<FollowUp | null>(null);

  function take(task: FollowUp) {
    confirm({
      title: t('passages.followUps.takeConfirm'),
      okText: t('passages.followUps.take'),
      testId: 'follow-up-take-confirm',
      action: async () => {
        await takeFollowUp(task.id);
        await client.invalidateQueries({ queryKey: [FOLLOW_UPS_KEY] });
        void message.success(t('passages.followUps.taken'));
      },
    });
  }

  const actions = (task: FollowUp) => (
    <FollowUpActions
      task={task}
      canReveal={canReveal}
      canHandle={canHandle}
      revealed={!!revealed[task.id]}
      onReveal={(task) => reveal(task.id)}
      onTake={take}
      onClose={setClosing}
      onRegister={canRegister ? (task) => navigate(`/quarantine/returnees?followUp=${task.id}`) : undefined}
    />
  );
  const handler = (task: FollowUp) =>
    task.status === 'closed' && task.closedBy
      ? t('passages.followUps.closedBy', {
          name: task.closedBy.name,
          time: formatDateTime(task.closedAt ?? task.updatedAt).slice(0, 16),
        })
      : task.assignedTo
        ? t('passages.followUps.assignedTo', { name: task.assignedTo.name })
        : null;
  const items = tasks.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('passages.followUps.title')} />
      <Card>
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          <Segmented<FollowUpStatus | typeof ALL>
            value={filter.status ?? ALL}
            onChange={(v) => change('status')(v === ALL ? null : v)}
            options={[
              ...FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: FOLLOW_UP_STATUS_LABELS[s][language] })),
              { value: ALL, label: t('passages.followUps.all') },
            ]}
            block={phone}
            style={{ alignSelf: phone ? undefined : 'flex-start' }}
            data-testid="follow-ups-status"
          />
          <Flex wrap gap={8}>
            <RegionTreeSelect
              allowClear
              placeholder={t('passages.filterRegion')}
              value={filter.regionId ?? null}
              onChange={change('regionId')}
              testId="follow-ups-region"
              style={filterWidth(220)}
            />
            <SelectFilter<FollowUpKind>
              label={t('passages.followUps.kind')}
              value={filter.kind}
              onChange={change('kind')}
              options={FOLLOW_UP_KINDS.map((k) => ({ value: k, label: FOLLOW_UP_KIND_LABELS[k][language] }))}
              style={filterWidth(150)}
              testId="follow-ups-kind"
            />
          </Flex>
        </Flex>
        {tasks.isError ? <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
        {phone ? (
          <Flex vertical gap={12} data-testid="follow-ups-cards">
            {tasks.data && !items.length ? <Empty description={t('passages.followUps.empty')} /> : null}
            {items.map((task) => (
              <Card key={task.id} size="small" data-testid={`follow-up-card-${task.id}`}>
                <Flex vertical gap={6}>
                  <Flex wrap gap={6} align="center">
                    <FollowUpKindTag kind={task.kind} />
                    <FollowUpStatusTag status={task.status} />
                    <Typography.Text strong>{task.regionName}</Typography.Text>
                  </Flex>
                  <PersonText task={task} revealed={revealed[task.id]} hideEmpty />
                  <FollowUpFacts task={task} />
                  {handler(task) ? <Typography.Text type="secondary">{handler(task)}</Typography.Text> : null}
                  {task.outcome ? <Typography.Paragraph style={{ margin: 0 }}>{task.outcome}</Typography.Paragraph> : null}
                  {actions(task)}
                </Flex>
              </Card>
            ))}
            {tasks.data && tasks.data.total > pageSize ? (
              <Pagination simple current={page} pageSize={pageSize} total={tasks.data.total} onChange={setPage} />
            ) : null}
          </Flex>
        ) : (
          <Table<FollowUp>
            rowKey="id"
            loading={tasks.isFetching}
            dataSource={items}
            scroll={{ x: 'max-content' }}
            pagination={pagination(tasks.data?.total ?? 0)}
            onRow={(f) => ({ 'data-testid': `follow-up-row-${f.id}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                key: 'kind',
                title: t('passages.followUps.kind'),
                render: (_: unknown, f: FollowUp) => <FollowUpKindTag kind={f.kind} />,
              },
              {
                key: 'status',
                title: t('passages.followUps.status'),
                render: (_: unknown, f: FollowUp) => <FollowUpStatusTag status={f.status} />,
              },
              { key: 'region', title: t('passages.followUps.region'), dataIndex: 'regionName' },
              {
                key: 'person',
                title: t('passages.followUps.person'),
                render: (_: unknown, f: FollowUp) => <PersonText task={f} revealed={revealed[f.id]} />,
              },
              {
                key: 'facts',
                title: t('passages.followUps.details'),
                render: (_: unknown, f: FollowUp) => <FollowUpFacts task={f} />,
              },
              {
                key: 'handling',
                title: t('passages.followUps.handling'),
                render: (_: unknown, f: FollowUp) => (
                  <Flex vertical style={{ maxWidth: 260 }}>
                    <span>{handler(f) ?? '—'}</span>
                    {f.outcome ? <Typography.Text type="secondary">{f.outcome}</Typography.Text> : null}
                  </Flex>
                ),
              },
              {
                key: 'actions',
                title: t('common.actions'),
                fixed: 'right' as const,
                render: (_: unknown, f: FollowUp) => actions(f),
              },
            ]}
            data-testid="follow-ups-table"
          />
        )}
      </Card>
      {closing ? <CloseModal task={closing} onClose={() => setClosing(null)} /> : null}
    </>
  );
}
