import { Button, Card, Empty, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../app/dates.ts';
import { ERRAND_STATUS_LABELS } from '../../../common/labels.ts';
import { useReportError } from '../../app/errors.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { usePosts } from './errands.api.ts';
import { useMyErrands } from './myErrands.api.ts';
import { useCandidates, useCreateRun, useRuns, yuan, type RunOrder } from './runs.api.ts';

/** 集中采办: the leader picks their post, bundles open orders into a run; everyone sees the runs. */
export function RunsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const report = useReportError();
  const navigate = useNavigate();
  const mine = useMyErrands();
  const staffPosts = usePosts(null);
  const posts = useMemo(() => {
    const led = (mine.data?.posts ?? []).filter((p) => p.leads).map((p) => ({ id: p.id, name: `${p.name}（${p.regionName}）` }));
    const staff = (staffPosts.data?.items ?? []).map((p) => ({ id: p.id, name: p.name }));
    return [...new Map([...led, ...staff].map((p) => [p.id, p])).values()];
  }, [mine.data, staffPosts.data]);
  const [postId, setPostId] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const candidates = useCandidates(postId);
  const runs = useRuns({});
  const create = useCreateRun();

  const itemsText = (o: RunOrder) => o.items.map((i) => `${i.name} ${i.quantity}${i.unit}`).join('、');

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('errandRuns.runsTitle')}</Typography.Title>
      <Card title={t('errandRuns.newRun')} size="small">
        <Flex vertical gap={12}>
          <Select
            style={{ maxWidth: 360 }}
            placeholder={t('errandRuns.choosePost')}
            options={posts.map((p) => ({ value: p.id, label: p.name }))}
            value={postId}
            onChange={(v) => {
              setPostId(v);
              setPicked([]);
            }}
            data-testid="run-post"
          />
          {postId ? (
            <>
              {candidates.error ? <QueryError error={candidates.error} onRetry={() => void candidates.refetch()} /> : null}
              <Table<RunOrder>
                size="small"
                rowKey="id"
                pagination={false}
                scroll={{ x: true }}
                locale={{ emptyText: <Empty description={t('errandRuns.noCandidates')} /> }}
                dataSource={candidates.data?.items ?? []}
                rowSelection={{ selectedRowKeys: picked, onChange: (keys) => setPicked(keys as string[]) }}
                columns={[
                  { title: t('errandRuns.ref'), dataIndex: 'ref' },
                  {
                    title: t('errandRuns.status'),
                    dataIndex: 'status',
                    render: (s: keyof typeof ERRAND_STATUS_LABELS) => ERRAND_STATUS_LABELS[s][language],
                  },
                  { title: t('errandRuns.items'), render: (_, o) => itemsText(o) },
                  { title: t('errandRuns.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
                ]}
              />
              <Flex gap={8} wrap>
                <Input
                  style={{ maxWidth: 280 }}
                  placeholder={t('errandRuns.note')}
                  value={note}
                  maxLength={200}
                  onChange={(e) => setNote(e.target.value)}
                />
                <Button
                  type="primary"
                  disabled={picked.length === 0 || !candidates.data?.canManage}
                  loading={create.isPending}
                  onClick={() =>
                    create.mutate(
                      { postId, orderIds: picked, ...(note.trim() ? { note: note.trim() } : {}) },
                      { onSuccess: (run) => void navigate(`/errands/runs/${run.id}`), onError: (e) => report(e) },
                    )
                  }
                >
                  {t('errandRuns.bundle', { count: picked.length })}
                </Button>
              </Flex>
            </>
          ) : null}
        </Flex>
      </Card>
      {runs.error ? <QueryError error={runs.error} onRetry={() => void runs.refetch()} /> : null}
      <Table
        size="small"
        rowKey="id"
        loading={runs.isLoading}
        scroll={{ x: true }}
        dataSource={runs.data?.items ?? []}
        onRow={(r) => ({ onClick: () => void navigate(`/errands/runs/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('errandRuns.ref'), dataIndex: 'ref' },
          { title: t('errandRuns.post'), render: (_, r) => r.post.name },
          {
            title: t('errandRuns.status'),
            dataIndex: 'status',
            render: (s: string) => (
              <Tag color={s === 'bought' ? 'green' : 'orange'}>{t(`errandRuns.${s === 'bought' ? 'bought' : 'open'}`)}</Tag>
            ),
          },
          { title: t('errandRuns.orders'), dataIndex: 'orders' },
          { title: t('errandRuns.amount'), dataIndex: 'amountFen', render: yuan },
          { title: t('errandRuns.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
        ]}
      />
    </Flex>
  );
}
