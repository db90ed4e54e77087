import { App, Button, Card, Empty, Flex, Form, Input, Pagination, Segmented, Switch, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_KINDS, ALERT_STATUSES, type AlertKind, type AlertStatus } from '../../../common/enums.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useReportError } from '../../app/errors.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter } from '../../components/filters.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { oneOfParam, textParam, useUrlPagedFilter } from '../../components/useUrlFilter.ts';
import { useLiveRefresh } from '../passages/useLiveRefresh.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { ALERTS_KEY, useAlertAction, useAlerts, type Alert, type AlertFilter } from './health.api.ts';

const KIND_COLOR: Record<AlertKind, string> = { fever: 'red', remeasure: 'orange', missed_slot: 'gold', help: 'blue' };
const LIVE = ['alert.opened', 'alert.changed', 'alert.escalated'];

function CloseModal({ alert, onClose }: { alert: Alert; onClose: () => void }) {
  const { t } = useTranslation();
  const action = useAlertAction();
  return (
    <FormModal<{ outcome: string }>
      title={t('health.alerts.close')}
      testId="alert-close-form"
      onClose={onClose}
      submit={(v) => action.mutateAsync({ id: alert.id, action: 'close', outcome: v.outcome.trim() })}
      invalidate={[ALERTS_KEY]}
      success={t('health.alerts.status.closed')}
      okText={t('health.alerts.close')}
    >
      <Form.Item
        name="outcome"
        label={t('health.alerts.outcome')}
        rules={[{ required: true, whitespace: true, message: t('health.alerts.outcomeHint') }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          placeholder={t('health.alerts.outcomeHint')}
          data-testid="alert-outcome"
        />
      </Form.Item>
    </FormModal>
  );
}

/** 健康预警: fevers, overdue re-measures, missed reports and help requests of the isolated, live. */
export function AlertsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const filterWidth = useFilterWidth();
  const me = useMe().data;
  const canHandle = can(me, 'alerts.handle');
  const report = useReportError();
  const { filter, change, page, pageSize, setPage, pagination } = useUrlPagedFilter<AlertFilter>(
    { regionId: textParam, status: oneOfParam(ALERT_STATUSES), kind: oneOfParam(ALERT_KINDS) },
    { defaults: { status: 'open' } },
  );
  const { status } = filter;
  const list = useAlerts({ ...filter, status }, page, pageSize);
  const action = useAlertAction();
  const [closing, setClosing] = useState<Alert | null>(null);
  useLiveRefresh(LIVE, ALERTS_KEY);

  async function take(a: Alert) {
    try {
      await action.mutateAsync({ id: a.id, action: 'take' });
      void message.success(t('health.alerts.take'));
    } catch (e) {
      report(e);
    }
  }

  const slotText = (a: Alert) => (a.slotOn && a.slot ? `${a.slotOn.slice(5)} ${t(`health.slot.${a.slot}`)}` : '—');
  const actions = (a: Alert) =>
    canHandle && a.status === 'open' ? (
      <Flex gap={8}>
        {a.owner?.accountId !== me?.id ? (
          <Button size="small" onClick={() => void take(a)} data-testid={`alert-take-${a.id}`}>
            {t('health.alerts.take')}
          </Button>
        ) : null}
        <Button size="small" type="primary" onClick={() => setClosing(a)} data-testid={`alert-close-${a.id}`}>
          {t('health.alerts.close')}
        </Button>
      </Flex>
    ) : a.outcome ? (
      <Typography.Text type="secondary">{a.outcome}</Typography.Text>
    ) : null;
  const kindTag = (a: Alert) => <Tag color={KIND_COLOR[a.kind]}>{t(`health.alerts.kind.${a.kind}`)}</Tag>;
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('health.alerts.title')} />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }} align="center">
          <Segmented<AlertStatus>
            value={status ?? 'open'}
            onChange={(v) => change('status')(v)}
            options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`health.alerts.status.${s}`) }))}
            data-testid="alerts-status"
          />
          <RegionTreeSelect
            allowClear
            value={filter.regionId ?? null}
            onChange={change('regionId')}
            testId="alerts-region"
            style={filterWidth(220)}
          />
          <SelectFilter<AlertKind>
            label={t('health.alerts.title')}
            value={filter.kind ?? null}
            onChange={change('kind')}
            options={ALERT_KINDS.map((k) => ({ value: k, label: t(`health.alerts.kind.${k}`) }))}
            style={filterWidth(150)}
            testId="alerts-kind"
          />
          <Flex gap={6} align="center">
            <Switch checked={!!filter.mine} onChange={(v) => change('mine')(v)} data-testid="alerts-mine" />
            <span>{t('health.alerts.mine')}</span>
          </Flex>
        </Flex>
        {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
        {phone ? (
          <Flex vertical gap={12}>
            {list.data && !items.length ? <Empty description={t('health.alerts.empty')} /> : null}
            {items.map((a) => (
              <Card key={a.id} size="small" data-testid={`alert-card-${a.id}`}>
                <Flex vertical gap={6}>
                  <Flex gap={6} wrap align="center">
                    {kindTag(a)}
                    <Typography.Text strong>{a.personName}</Typography.Text>
                    <Typography.Text type="secondary">{a.caseRef}</Typography.Text>
                  </Flex>
                  <span>
                    {a.regionName} · {slotText(a)}
                    {a.temperature !== null ? ` · ${a.temperature.toFixed(1)} °C` : ''}
                  </span>
                  {a.helpRequest ? <Typography.Paragraph style={{ margin: 0 }}>{a.helpRequest}</Typography.Paragraph> : null}
                  <Typography.Text type="secondary">
                    {t('health.alerts.owner')}：{a.owner?.name ?? '—'}
                    {a.level > 0 ? ` · ${t('health.alerts.levelN', { n: a.level })}` : ''}
                  </Typography.Text>
                  {actions(a)}
                </Flex>
              </Card>
            ))}
            {list.data && list.data.total > pageSize ? (
              <Pagination simple current={page} pageSize={pageSize} total={list.data.total} onChange={setPage} />
            ) : null}
          </Flex>
        ) : (
          <Table<Alert>
            rowKey="id"
            loading={list.isFetching}
            dataSource={items}
            scroll={{ x: 'max-content' }}
            pagination={pagination(list.data?.total ?? 0)}
            locale={{ emptyText: t('health.alerts.empty') }}
            onRow={(a) => ({ 'data-testid': `alert-row-${a.id}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'kind', title: t('health.alerts.title'), render: (_: unknown, a: Alert) => kindTag(a) },
              {
                key: 'person',
                title: t('health.alerts.person'),
                render: (_: unknown, a: Alert) => (
                  <span>
                    {a.personName} <Typography.Text type="secondary">{a.caseRef}</Typography.Text>
                  </span>
                ),
              },
              { key: 'region', title: t('health.card.region'), dataIndex: 'regionName' },
              { key: 'slot', title: t('health.alerts.slotOf'), render: (_: unknown, a: Alert) => slotText(a) },
              {
                key: 'reading',
                title: t('health.alerts.reading'),
                render: (_: unknown, a: Alert) =>
                  a.temperature !== null ? `${a.temperature.toFixed(1)} °C` : (a.helpRequest ?? '—'),
              },
              {
                key: 'owner',
                title: t('health.alerts.owner'),
                render: (_: unknown, a: Alert) => (
                  <span>
                    {a.owner?.name ?? '—'}
                    {a.level > 0 ? (
                      <Tag color="volcano" style={{ marginLeft: 6 }}>
                        {t('health.alerts.levelN', { n: a.level })}
                      </Tag>
                    ) : null}
                  </span>
                ),
              },
              {
                key: 'created',
                title: t('health.alerts.created'),
                render: (_: unknown, a: Alert) => formatDateTime(a.createdAt).slice(0, 16),
              },
              { key: 'actions', title: '', render: (_: unknown, a: Alert) => actions(a) },
            ]}
          />
        )}
      </Card>
      {closing ? <CloseModal alert={closing} onClose={() => setClosing(null)} /> : null}
    </>
  );
}
