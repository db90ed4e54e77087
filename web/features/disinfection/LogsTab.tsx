import { AuditOutlined } from '@ant-design/icons';
import { DatePicker, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { DISINFECTION_METHOD_LABELS } from '../../../common/labels.ts';
import { formatDateTime } from '../../app/dates.ts';
import { can, useMe } from '../../app/session.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter, usePagedFilter, YesNoFilter } from '../../components/filters.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { useLogs, type Log, type LogFilter } from './disinfection.api.ts';
import { placeOf, SignOffTag, squareMetres } from './DisinfectionTags.tsx';
import { PlacePicker } from './PlacePicker.tsx';
import { SignOffModal } from './SignOffModal.tsx';

const DAY = 'YYYY-MM-DD';

/** 消杀记录: the jobs done in the region picked above, newest first, with filters and the sign-off action. */
export function LogsTab({ regionId }: { regionId: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe().data;
  const filterWidth = useFilterWidth();
  const { filter, change, page, pageSize, pagination } = usePagedFilter<Omit<LogFilter, 'regionId'>>();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [signing, setSigning] = useState<Log | null>(null);
  const logs = useLogs({ ...filter, regionId }, page, pageSize);
  const maySign = can(me, 'disinfection.signOff');

  return (
    <>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <PlacePicker
          value={filter.placeId ?? null}
          onChange={change('placeId')}
          regionId={regionId}
          testId="logs-filter-place"
          style={filterWidth(220)}
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(picked) => {
            const next = picked?.[0] && picked[1] ? ([picked[0], picked[1]] as [Dayjs, Dayjs]) : null;
            setRange(next);
            change('from')(next?.[0].format(DAY) ?? null);
            change('to')(next?.[1].format(DAY) ?? null);
          }}
          placeholder={[t('disinfection.logs.from'), t('disinfection.logs.to')]}
          style={filterWidth(260)}
          data-testid="logs-filter-range"
        />
        <YesNoFilter
          label={t('disinfection.logs.status')}
          yes={t('disinfection.logs.signed')}
          no={t('disinfection.logs.unsigned')}
          value={filter.signed}
          onChange={change('signed')}
          style={filterWidth(140)}
          testId="logs-filter-signed"
        />
        <SelectFilter<'place' | 'home'>
          label={t('disinfection.logs.site')}
          value={filter.site}
          onChange={change('site')}
          options={[
            { value: 'place', label: t('disinfection.logs.sitePlace') },
            { value: 'home', label: t('disinfection.logs.siteHome') },
          ]}
          style={filterWidth(140)}
          testId="logs-filter-site"
        />
      </Flex>
      {logs.isError ? <QueryError error={logs.error} onRetry={() => void logs.refetch()} /> : null}
      <Table<Log>
        rowKey="id"
        size="small"
        loading={logs.isFetching}
        dataSource={logs.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={pagination(logs.data?.total ?? 0)}
        locale={{ emptyText: t('disinfection.logs.empty') }}
        onRow={(l) => ({ 'data-testid': `log-row-${l.id}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'doneAt',
            title: t('disinfection.logs.doneAt'),
            render: (_: unknown, l: Log) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(l.doneAt)}</span>,
          },
          {
            key: 'place',
            title: t('disinfection.logs.place'),
            render: (_: unknown, l: Log) => (
              <>
                <div>
                  {placeOf(l, t)} {l.site === 'home' ? <Tag color="purple">{t('disinfection.logs.siteHome')}</Tag> : null}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {l.regionName}
                </Typography.Text>
              </>
            ),
          },
          {
            key: 'area',
            title: t('disinfection.logs.area'),
            align: 'right',
            render: (_: unknown, l: Log) => squareMetres(l.areaM2),
          },
          {
            key: 'agent',
            title: t('disinfection.logs.agent'),
            render: (_: unknown, l: Log) => (
              <>
                <div>
                  {l.agent} {l.concentration ?? ''}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {DISINFECTION_METHOD_LABELS[l.method][language]}
                  {l.contactMinutes ? ` · ${t('disinfection.logs.minutes', { count: l.contactMinutes })}` : ''}
                </Typography.Text>
              </>
            ),
          },
          { key: 'people', title: t('disinfection.logs.people'), align: 'right', render: (_: unknown, l: Log) => l.people },
          {
            key: 'by',
            title: t('disinfection.logs.by'),
            render: (_: unknown, l: Log) => (
              <>
                <div>{l.by.name}</div>
                {l.team ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {l.team.name}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            key: 'status',
            title: t('disinfection.logs.status'),
            fixed: 'right',
            // The tag, and under it the act where the caller may sign: one narrow column.
            render: (_: unknown, l: Log) =>
              l.signOff ? (
                <Tooltip
                  title={`${l.signOff.by.name} ${formatDateTime(l.signOff.at)}${l.signOff.note ? `：${l.signOff.note}` : ''}`}
                >
                  <span data-testid={`log-signed-${l.id}`}>
                    <SignOffTag log={l} />
                  </span>
                </Tooltip>
              ) : (
                <Flex vertical align="start" gap={2}>
                  <SignOffTag log={l} />
                  {maySign && l.by.accountId !== me?.id ? (
                    <RowAction
                      icon={<AuditOutlined />}
                      label={t('disinfection.logs.signOff')}
                      onClick={() => setSigning(l)}
                      testId={`log-sign-off-${l.id}`}
                    />
                  ) : null}
                </Flex>
              ),
          },
        ]}
      />
      {signing ? <SignOffModal log={signing} onClose={() => setSigning(null)} /> : null}
    </>
  );
}
