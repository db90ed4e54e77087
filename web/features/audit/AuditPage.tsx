import { Button, Card, DatePicker, Flex, Form, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayBounds, formatDateTime, platformTimeZone } from '../../app/dates.ts';
import { zhCN } from '../../app/i18n/zh-CN.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { OUTCOMES, useAudit, type AuditEntry, type AuditFilter, type Outcome } from './audit.api.ts';

/** The actions and record types the platform writes; the catalogs name each one. */
const ACTIONS = Object.keys(zhCN.audit.actionLabel) as (keyof typeof zhCN.audit.actionLabel)[];
const ENTITY_TYPES = Object.keys(zhCN.audit.entityLabel) as (keyof typeof zhCN.audit.entityLabel)[];

const OUTCOME_COLORS: Record<Outcome, string> = { ok: 'green', failed: 'orange', denied: 'red' };

interface FilterForm {
  actor?: string;
  action?: string;
  entityType?: string;
  outcome?: Outcome;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function toFilter(values: FilterForm): AuditFilter {
  const [from, to] = values.range ?? [null, null];
  return {
    ...(values.actor?.trim() ? { actor: values.actor.trim() } : {}),
    ...(values.action ? { action: values.action } : {}),
    ...(values.entityType ? { entityType: values.entityType } : {}),
    ...(values.outcome ? { outcome: values.outcome } : {}),
    ...(from ? { from: dayBounds(from).start } : {}),
    ...(to ? { to: dayBounds(to).end } : {}),
  };
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FilterForm>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const audit = useAudit(filter);
  const filterWidth = useFilterWidth();
  const entries = audit.data?.pages.flatMap((p) => p.items) ?? [];

  // Actions added later by other features still show, under their code.
  const actionLabel = (action: string) =>
    i18n.exists(`audit.actionLabel.${action}`) ? t(`audit.actionLabel.${action as (typeof ACTIONS)[number]}`) : action;
  const entityLabel = (type: string) =>
    i18n.exists(`audit.entityLabel.${type}`) ? t(`audit.entityLabel.${type as (typeof ENTITY_TYPES)[number]}`) : type;

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={<Typography.Text type="secondary">{t('audit.timeZoneNote', { zone: platformTimeZone() })}</Typography.Text>}
      />
      <Card>
        <Form form={form} onFinish={(v) => setFilter(toFilter(v))} style={{ marginBottom: 16 }}>
          <Flex wrap gap={8}>
            <Form.Item name="actor" noStyle>
              <Input
                allowClear
                placeholder={t('audit.filterActor')}
                aria-label={t('audit.filterActor')}
                style={filterWidth(160)}
                data-testid="audit-filter-actor"
              />
            </Form.Item>
            <Form.Item name="action" noStyle>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('audit.filterAction')}
                aria-label={t('audit.filterAction')}
                options={ACTIONS.map((a) => ({ value: a, label: t(`audit.actionLabel.${a}`) }))}
                popupMatchSelectWidth={false}
                style={filterWidth(160)}
                data-testid="audit-filter-action"
              />
            </Form.Item>
            <Form.Item name="entityType" noStyle>
              <Select
                allowClear
                placeholder={t('audit.filterEntityType')}
                aria-label={t('audit.filterEntityType')}
                options={ENTITY_TYPES.map((e) => ({ value: e, label: t(`audit.entityLabel.${e}`) }))}
                style={filterWidth(130)}
                data-testid="audit-filter-entity"
              />
            </Form.Item>
            <Form.Item name="outcome" noStyle>
              <Select
                allowClear
                placeholder={t('audit.filterOutcome')}
                aria-label={t('audit.filterOutcome')}
                options={OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcomeLabel.${o}`) }))}
                style={filterWidth(110)}
                data-testid="audit-filter-outcome"
              />
            </Form.Item>
            <Form.Item name="range" noStyle>
              <DatePicker.RangePicker
                allowEmpty={[true, true]}
                placeholder={[t('audit.filterFrom'), t('audit.filterTo')]}
                style={filterWidth(250)}
                data-testid="audit-filter-range"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="audit-search">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilter({});
              }}
              data-testid="audit-reset"
            >
              {t('common.reset')}
            </Button>
          </Flex>
        </Form>
        {audit.isError ? <QueryError error={audit.error} onRetry={() => void audit.refetch()} /> : null}
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={audit.isPending || (audit.isFetching && !audit.isFetchingNextPage)}
          dataSource={entries}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'at',
              title: t('audit.at'),
              dataIndex: 'at',
              render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span>,
            },
            { key: 'actor', title: t('audit.actor'), dataIndex: 'actorLogin', render: (login: string | null) => login ?? '—' },
            { key: 'action', title: t('audit.action'), dataIndex: 'action', render: actionLabel },
            {
              key: 'entity',
              title: t('audit.entity'),
              render: (_: unknown, e: AuditEntry) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {entityLabel(e.entityType)}{' '}
                  {e.entityId ? (
                    <Tooltip title={e.entityId}>
                      <Typography.Text type="secondary" code>
                        {e.entityId.slice(-8)}
                      </Typography.Text>
                    </Tooltip>
                  ) : null}
                </span>
              ),
            },
            {
              key: 'outcome',
              title: t('audit.outcome'),
              dataIndex: 'outcome',
              render: (o: string) => (
                <Tag color={OUTCOME_COLORS[o as Outcome] ?? 'default'}>
                  {(OUTCOMES as readonly string[]).includes(o) ? t(`audit.outcomeLabel.${o as Outcome}`) : o}
                </Tag>
              ),
            },
            { key: 'ip', title: t('audit.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
            {
              key: 'detail',
              title: t('audit.detail'),
              dataIndex: 'detail',
              render: (d: AuditEntry['detail']) =>
                d ? (
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12, maxWidth: 360, display: 'inline-block' }}
                    ellipsis={{ tooltip: JSON.stringify(d, null, 1) }}
                  >
                    {JSON.stringify(d)}
                  </Typography.Text>
                ) : null,
            },
          ]}
          data-testid="audit-table"
        />
        <Flex justify="center" style={{ marginTop: 16 }}>
          {audit.hasNextPage ? (
            <Button onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage} data-testid="audit-more">
              {t('audit.loadMore')}
            </Button>
          ) : entries.length ? (
            <Typography.Text type="secondary" data-testid="audit-end">
              {t('audit.noMore')}
            </Typography.Text>
          ) : null}
        </Flex>
      </Card>
    </>
  );
}
