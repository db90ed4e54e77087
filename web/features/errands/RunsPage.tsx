import { Button, Card, Empty, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../app/dates.ts';
import { ERRAND_STATUS_LABELS } from '../../../common/labels.ts';
import { useReportError } from '../../app/errors.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { usePosts } from './errands.api.ts';
import { renamedFields } from './fieldPaths.ts';
import { useMyErrands } from './myErrands.api.ts';
import { useCandidates, useCreateRun, useRuns, yuan, type RunOrder } from './runs.api.ts';

interface RunForm {
  postId: string;
  orderIds: string[];
  note?: string;
}

const itemsText = (o: RunOrder) => o.items.map((i) => `${i.name} ${i.quantity}${i.unit}`).join('、');

/** The post's open orders as a form field: the ticked ones are its value. */
function OrderPicker({ value, onChange, orders }: { value?: string[]; onChange?: (ids: string[]) => void; orders: RunOrder[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table<RunOrder>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('errandRuns.noCandidates')} /> }}
      dataSource={orders}
      rowSelection={{ selectedRowKeys: value ?? [], onChange: (keys) => onChange?.(keys as string[]) }}
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
      data-testid="run-candidates"
    />
  );
}

/** 集中采办: the leader picks their post, bundles open orders into a run; everyone sees the runs. */
export function RunsPage() {
  const { t } = useTranslation();
  const report = useReportError();
  const navigate = useNavigate();
  const mine = useMyErrands();
  const staffPosts = usePosts(null);
  const posts = useMemo(() => {
    const led = (mine.data?.posts ?? []).filter((p) => p.leads).map((p) => ({ id: p.id, name: `${p.name}（${p.regionName}）` }));
    const staff = (staffPosts.data?.items ?? []).map((p) => ({ id: p.id, name: p.name }));
    return [...new Map([...led, ...staff].map((p) => [p.id, p])).values()];
  }, [mine.data, staffPosts.data]);
  const [form] = Form.useForm<RunForm>();
  const postId = Form.useWatch('postId', form) ?? null;
  const picked = Form.useWatch('orderIds', form) ?? [];
  const candidates = useCandidates(postId);
  const runs = useRuns({});
  const create = useCreateRun();

  // A problem with one picked order (`orderIds.2`) goes under the list of orders.
  const send = (v: RunForm) =>
    create.mutate(
      { postId: v.postId, orderIds: v.orderIds, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
      {
        onSuccess: (run) => void navigate(`/errands/runs/${run.id}`),
        onError: (e) =>
          report(
            renamedFields(e, (path) => path.replace(/^orderIds\.\d+$/, 'orderIds')),
            form,
          ),
      },
    );

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('errandRuns.runsTitle')}</Typography.Title>
      <Card title={t('errandRuns.newRun')} size="small">
        <Form<RunForm>
          form={form}
          layout="vertical"
          initialValues={{ orderIds: [] }}
          onValuesChange={(changed: Partial<RunForm>) => {
            if ('postId' in changed) form.setFieldValue('orderIds', []);
          }}
          onFinish={send}
        >
          <Form.Item name="postId" style={{ maxWidth: 360 }}>
            <Select
              placeholder={t('errandRuns.choosePost')}
              options={posts.map((p) => ({ value: p.id, label: p.name }))}
              data-testid="run-post"
            />
          </Form.Item>
          {postId ? (
            <>
              {candidates.error ? <QueryError error={candidates.error} onRetry={() => void candidates.refetch()} /> : null}
              <Form.Item name="orderIds">
                <OrderPicker orders={candidates.data?.items ?? []} />
              </Form.Item>
              <Flex gap={8} wrap align="start">
                <Form.Item name="note" style={{ flex: '0 1 280px', marginBottom: 0 }}>
                  <Input placeholder={t('errandRuns.note')} maxLength={200} />
                </Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  disabled={picked.length === 0 || !candidates.data?.canManage}
                  loading={create.isPending}
                  data-testid="run-bundle"
                >
                  {t('errandRuns.bundle', { count: picked.length })}
                </Button>
              </Flex>
            </>
          ) : null}
        </Form>
      </Card>
      {runs.error ? <QueryError error={runs.error} onRetry={() => void runs.refetch()} /> : null}
      <Table
        size="small"
        rowKey="id"
        loading={runs.isLoading}
        scroll={{ x: 'max-content' }}
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
