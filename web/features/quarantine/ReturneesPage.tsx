import { CheckCircleOutlined, EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Flex, Pagination, Segmented, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { MEASURES, type Measure } from '../../../common/enums.ts';
import { MEASURE_LABELS, TRANSPORT_MODE_LABELS } from '../../../common/labels.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter, usePagedFilter } from '../../components/filters.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useLiveRefresh } from '../passages/useLiveRefresh.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { ReturneeFormModal } from './ReturneeFormModal.tsx';
import { ReturneeMeasureModal } from './ReturneeMeasureModal.tsx';
import { CaseLink, MeasureCell, PersonCell, useRevealedPeople } from './ReturneeParts.tsx';
import {
  RETURNEE_EVENTS,
  RETURNEES_KEY,
  revealReturnee,
  useReturnees,
  type Returnee,
  type ReturneeFilter,
} from './returnees.api.ts';

const DAY = 'YYYY-MM-DD';
const ALL = 'all';
type PendingChoice = 'pending' | 'done' | typeof ALL;

/**
 * 返乡人员: who came back to the caller's communities, from where and how, with the measure the
 * rules propose and the one staff confirmed; those awaiting confirmation come first. Opened with
 * `?followUp=<id>` (from a follow-up task) it starts a registration filled from that task.
 */
export function ReturneesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const phone = useIsPhone();
  const filterWidth = useFilterWidth();
  const me = useMe().data;
  const canWrite = can(me, 'quarantine.write');
  const canReveal = can(me, 'quarantine.reveal');
  const [params, setParams] = useSearchParams();
  const followUpId = params.get('followUp');
  const { filter, change, page, pageSize, setPage, pagination } = usePagedFilter<ReturneeFilter>();
  const list = useReturnees(filter, page, pageSize);
  useLiveRefresh(RETURNEE_EVENTS, RETURNEES_KEY);
  const { revealed, reveal } = useRevealedPeople('returnee-reveal-confirm', revealReturnee);
  const [editing, setEditing] = useState<Returnee | 'new' | null>(followUpId ? 'new' : null);
  const [deciding, setDeciding] = useState<Returnee | null>(null);
  const items = list.data?.items ?? [];

  function closeForm() {
    setEditing(null);
    if (followUpId) setParams({}, { replace: true });
  }

  const actions = (r: Returnee) => (
    <Flex gap={4} wrap>
      {canWrite ? (
        <Button
          size="small"
          type={r.measure ? 'default' : 'primary'}
          icon={<CheckCircleOutlined />}
          onClick={() => setDeciding(r)}
          data-testid={`returnee-confirm-${r.id}`}
        >
          {t('returnees.confirm')}
        </Button>
      ) : null}
      {canWrite ? (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid={`returnee-edit-${r.id}`}>
          {t('returnees.edit')}
        </Button>
      ) : null}
      {canReveal && !revealed[r.id] ? (
        <Button size="small" icon={<EyeOutlined />} onClick={() => reveal(r.id)} data-testid={`returnee-reveal-${r.id}`}>
          {t('returnees.reveal')}
        </Button>
      ) : null}
    </Flex>
  );
  const origin = (r: Returnee) => (
    <Flex gap={4} align="center" wrap>
      <span>{r.originName}</span>
      {r.fromRiskArea ? <Tag color="red">{t('returnees.riskArea')}</Tag> : null}
    </Flex>
  );
  const trip = (r: Returnee) => (
    <Flex vertical gap={0}>
      <span>{r.returnedOn}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {TRANSPORT_MODE_LABELS[r.transport][language]}
        {r.tripNumber ? ` ${r.tripNumber}` : ''}
      </Typography.Text>
    </Flex>
  );
  const pendingValue: PendingChoice = filter.pending === true ? 'pending' : filter.pending === false ? 'done' : ALL;

  return (
    <>
      <PageHeader
        title={t('returnees.title')}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="returnee-create">
              {t('returnees.register')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          <Segmented<PendingChoice>
            value={pendingValue}
            onChange={(v) => change('pending')(v === ALL ? null : v === 'pending')}
            options={[
              { value: ALL, label: t('returnees.all') },
              { value: 'pending', label: t('returnees.pendingYes') },
              { value: 'done', label: t('returnees.pendingNo') },
            ]}
            block={phone}
            style={{ alignSelf: phone ? undefined : 'flex-start' }}
            data-testid="returnees-pending"
          />
          <Flex wrap gap={8}>
            <RegionTreeSelect
              allowClear
              placeholder={t('returnees.filterRegion')}
              value={filter.regionId ?? null}
              onChange={change('regionId')}
              testId="returnees-region"
              style={filterWidth(220)}
            />
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
              onChange={(range) => {
                change('from')(range?.[0]?.format(DAY) ?? null);
                change('to')(range?.[1]?.format(DAY) ?? null);
              }}
              placeholder={[t('returnees.filterFrom'), t('returnees.filterTo')]}
              style={filterWidth(260)}
              data-testid="returnees-range"
            />
            <SelectFilter<Measure>
              label={t('returnees.filterMeasure')}
              value={filter.measure}
              onChange={change('measure')}
              options={MEASURES.map((m) => ({ value: m, label: MEASURE_LABELS[m][language] }))}
              style={filterWidth(140)}
              testId="returnees-measure"
            />
          </Flex>
        </Flex>
        {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
        {phone ? (
          <Flex vertical gap={12} data-testid="returnees-cards">
            {list.data && !items.length ? <Empty description={t('returnees.empty')} /> : null}
            {items.map((r) => (
              <Card key={r.id} size="small" data-testid={`returnee-card-${r.id}`}>
                <Flex vertical gap={6}>
                  <Flex justify="space-between" align="start" gap={8}>
                    <PersonCell person={r} revealed={revealed[r.id]} />
                    <Typography.Text type="secondary">{r.regionName}</Typography.Text>
                  </Flex>
                  {origin(r)}
                  {trip(r)}
                  <MeasureCell returnee={r} />
                  {r.case ? <CaseLink value={r.case} /> : null}
                  {actions(r)}
                </Flex>
              </Card>
            ))}
            {list.data && list.data.total > pageSize ? (
              <Pagination simple current={page} pageSize={pageSize} total={list.data.total} onChange={setPage} />
            ) : null}
          </Flex>
        ) : (
          <Table<Returnee>
            rowKey="id"
            loading={list.isFetching}
            dataSource={items}
            scroll={{ x: 'max-content' }}
            pagination={pagination(list.data?.total ?? 0)}
            locale={{ emptyText: <Empty description={t('returnees.empty')} /> }}
            onRow={(r) => ({ 'data-testid': `returnee-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                key: 'person',
                title: t('returnees.person'),
                render: (_: unknown, r: Returnee) => <PersonCell person={r} revealed={revealed[r.id]} />,
              },
              {
                key: 'measure',
                title: t('returnees.measure'),
                render: (_: unknown, r: Returnee) => <MeasureCell returnee={r} />,
              },
              { key: 'origin', title: t('returnees.from'), render: (_: unknown, r: Returnee) => origin(r) },
              { key: 'trip', title: t('returnees.trip'), render: (_: unknown, r: Returnee) => trip(r) },
              {
                key: 'region',
                title: t('returnees.region'),
                render: (_: unknown, r: Returnee) => (
                  <Flex vertical gap={0} style={{ maxWidth: 220 }}>
                    <span>{r.regionName}</span>
                    {(r.householdAddress ?? r.address) ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.householdAddress ?? r.address}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                ),
              },
              { key: 'case', title: t('returnees.case'), render: (_: unknown, r: Returnee) => <CaseLink value={r.case} /> },
              {
                key: 'actions',
                title: t('common.actions'),
                fixed: 'right' as const,
                render: (_: unknown, r: Returnee) => actions(r),
              },
            ]}
            data-testid="returnees-table"
          />
        )}
      </Card>
      {editing ? (
        <ReturneeFormModal
          returnee={editing === 'new' ? undefined : editing}
          followUpId={editing === 'new' ? followUpId : null}
          onClose={closeForm}
        />
      ) : null}
      {deciding ? <ReturneeMeasureModal returnee={deciding} onClose={() => setDeciding(null)} /> : null}
    </>
  );
}
