import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, List, Pagination, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASE_STATUSES, ISOLATION_KINDS, type CaseStatus, type IsolationKind } from '../../../common/enums.ts';
import { CASE_STATUS_LABELS, ISOLATION_KIND_LABELS } from '../../../common/labels.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter } from '../../components/filters.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { oneOfParam, textParam, useUrlPagedFilter } from '../../components/useUrlFilter.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { CaseStatusTag, DayCounter } from './CaseBits.tsx';
import { CaseFormModal } from './CaseFormModal.tsx';
import { useCases, type CaseFilter, type CaseSummary } from './cases.api.ts';
import { ANONYMISED_STYLE, AnonymisedTag } from './PersonParts.tsx';

const ALL = 'all';
/** Cases due for release stand out, so the desk sees at a glance who may go home today. */
const DUE_ROW = { style: { background: '#fffbe6' } };

/** 隔离管理: everyone in home or central isolation in the caller's area, soonest end first. */
export function CasesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const phone = useIsPhone();
  const filterWidth = useFilterWidth();
  const me = useMe().data;
  const { filter, change, page, pageSize, setPage, pagination } = useUrlPagedFilter<CaseFilter>(
    { regionId: textParam, status: oneOfParam(CASE_STATUSES) },
    { defaults: { status: 'active' } },
  );
  const status = filter.status ?? null;
  const cases = useCases({ ...filter, status }, page, pageSize);
  const [opening, setOpening] = useState(false);
  const items = cases.data?.items ?? [];
  const due = (c: CaseSummary) => c.status === 'active' && c.counter.dueForRelease;
  const rowStyle = (c: CaseSummary) => (due(c) ? DUE_ROW.style : c.anonymised ? ANONYMISED_STYLE : undefined);
  const person = (c: CaseSummary) => (c.anonymised ? <AnonymisedTag /> : c.personName);
  const link = (c: CaseSummary) => <Link to={`/quarantine/cases/${c.id}`}>{c.ref}</Link>;

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        extra={
          can(me, 'quarantine.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="case-open">
              {t('cases.open')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          <Segmented<CaseStatus | typeof ALL>
            value={status ?? ALL}
            onChange={(v) => change('status')(v === ALL ? null : v)}
            options={[
              ...CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s][language] })),
              { value: ALL, label: t('cases.all') },
            ]}
            block={phone}
            style={{ alignSelf: phone ? undefined : 'flex-start' }}
            data-testid="cases-status"
          />
          <Flex wrap gap={8} align="center">
            <RegionTreeSelect
              allowClear
              placeholder={t('cases.filterRegion')}
              value={filter.regionId ?? null}
              onChange={change('regionId')}
              testId="cases-region"
              style={filterWidth(220)}
            />
            <SelectFilter<IsolationKind>
              label={t('cases.kind')}
              value={filter.kind}
              onChange={change('kind')}
              options={ISOLATION_KINDS.map((k) => ({ value: k, label: ISOLATION_KIND_LABELS[k][language] }))}
              style={filterWidth(140)}
              testId="cases-kind"
            />
            <Checkbox checked={!!filter.due} onChange={(e) => change('due')(e.target.checked || null)} data-testid="cases-due">
              {t('cases.dueFilter')}
            </Checkbox>
          </Flex>
        </Flex>
        {cases.isError ? <QueryError error={cases.error} onRetry={() => void cases.refetch()} /> : null}
        {phone ? (
          <List
            loading={cases.isLoading}
            dataSource={items}
            locale={{ emptyText: t('cases.empty') }}
            footer={
              (cases.data?.total ?? 0) > pageSize ? (
                <Pagination simple current={page} pageSize={pageSize} total={cases.data?.total ?? 0} onChange={setPage} />
              ) : null
            }
            renderItem={(c) => (
              <List.Item style={rowStyle(c)}>
                <List.Item.Meta
                  title={
                    <Flex justify="space-between">
                      <span>
                        {link(c)} {person(c)}
                      </span>
                      <CaseStatusTag status={c.status} />
                    </Flex>
                  }
                  description={
                    <>
                      <DayCounter c={c} />
                      <div>{c.address ?? c.regionName}</div>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        ) : (
          <Table<CaseSummary>
            rowKey="id"
            size="middle"
            loading={cases.isLoading}
            dataSource={items}
            locale={{ emptyText: t('cases.empty') }}
            pagination={pagination(cases.data?.total ?? 0)}
            onRow={(c) => ({ style: rowStyle(c) })}
            data-testid="cases-table"
            columns={[
              { title: t('cases.ref'), key: 'ref', render: (_, c) => link(c), width: 170 },
              {
                title: t('cases.person'),
                key: 'person',
                render: (_, c) => (
                  <>
                    <div>{person(c)}</div>
                    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                      {c.mobile}
                    </Typography.Text>
                  </>
                ),
              },
              {
                title: t('cases.place'),
                key: 'place',
                render: (_, c) => (
                  <>
                    <div>{c.regionName}</div>
                    <Typography.Text type="secondary">{c.address}</Typography.Text>
                  </>
                ),
              },
              { title: t('cases.kind'), key: 'kind', render: (_, c) => ISOLATION_KIND_LABELS[c.kind][language], width: 90 },
              { title: t('cases.period'), key: 'period', render: (_, c) => `${c.startsOn} ~ ${c.endsOn}`, width: 190 },
              { title: '', key: 'counter', render: (_, c) => <DayCounter c={c} />, width: 200 },
              {
                title: t('cases.gridWorker') + ' / ' + t('cases.medicalObserver'),
                key: 'staff',
                render: (_, c) => `${c.gridWorker?.name ?? '—'} / ${c.medicalObserver?.name ?? '—'}`,
              },
              { title: t('cases.status'), key: 'status', render: (_, c) => <CaseStatusTag status={c.status} />, width: 90 },
            ]}
          />
        )}
      </Card>
      {opening ? <CaseFormModal onClose={() => setOpening(false)} /> : null}
    </>
  );
}
