import { CheckOutlined, ClockCircleOutlined, CloseOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Input, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIME_BANDS, type PledgeDecision, type PledgeStatus, type TimeBand } from '../../../common/enums.ts';
import { PLEDGE_STATUS_LABELS, WEEKDAY_LABELS } from '../../../common/labels.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { PartyFilter, SelectFilter, SkillFilter, usePagedFilter, YesNoFilter } from '../../components/filters.tsx';
import { OneTimePasswordModal, type OneTimePassword } from '../../components/OneTimePasswordModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { SkillList } from '../volunteers/SkillTags.tsx';
import { UnitSelect } from '../volunteers/UnitSelect.tsx';
import { WEEKDAYS, type Weekday } from '../volunteers/volunteers.api.ts';
import { BulkResultModal } from './BulkResultModal.tsx';
import { DecisionModal, type DecisionTarget } from './DecisionModal.tsx';
import { PledgeDrawer } from './PledgeDrawer.tsx';
import { PledgeQrModal } from './PledgeQrModal.tsx';
import { HealthFlags, hasHealthRisk, PledgeStatusTag } from './PledgeTags.tsx';
import { usePledgeCounts, usePledges, type BulkDecisionResult, type Pledge, type PledgeFilter } from './pledges.api.ts';
import { QuotaPanel } from './QuotaPanel.tsx';

type StatusTab = PledgeStatus | 'all';
const TAB_ORDER: StatusTab[] = ['pending', 'waitlisted', 'approved', 'rejected', 'all'];

/** 审核选派: pending pledges with filters, one-by-one or bulk decisions, and the selection quotas. */
export function PledgesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const phone = useIsPhone();
  const filterWidth = useFilterWidth();
  const [tab, setTab] = useState<'review' | 'quotas'>('review');
  const [status, setStatus] = useState<StatusTab>('pending');
  const [selected, setSelected] = useState<Pledge[]>([]);
  const { filter, change, page, pageSize, setPage, pagination } = usePagedFilter<Omit<PledgeFilter, 'status'>>(() =>
    setSelected([]),
  );
  const [viewing, setViewing] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<DecisionTarget | null>(null);
  const [oneTime, setOneTime] = useState<OneTimePassword | null>(null);
  const [bulkResult, setBulkResult] = useState<{ result: BulkDecisionResult; pledges: Pledge[] } | null>(null);
  const [showQr, setShowQr] = useState(false);

  const query: PledgeFilter = { ...filter, status: status === 'all' ? null : status };
  const pledges = usePledges(query, page, pageSize);
  const counts = usePledgeCounts(filter);

  const decide = (decision: PledgeDecision, list: Pledge[]) => setDeciding({ decision, pledges: list });

  const filters = (
    <Flex wrap gap={8} style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        placeholder={t('pledges.filterName')}
        aria-label={t('pledges.filterName')}
        onSearch={(q) => change('q')(q)}
        style={filterWidth(180)}
        data-testid="pledges-filter-q"
      />
      <RegionTreeSelect
        allowClear
        placeholder={t('pledges.filterRegion')}
        value={filter.regionId ?? null}
        onChange={change('regionId')}
        testId="pledges-filter-region"
        style={filterWidth(200)}
      />
      <UnitSelect
        allowClear
        placeholder={t('pledges.filterUnit')}
        value={filter.unitId ?? null}
        onChange={change('unitId')}
        testId="pledges-filter-unit"
        style={filterWidth(180)}
      />
      <PartyFilter
        value={filter.partyMember}
        onChange={change('partyMember')}
        style={filterWidth(140)}
        testId="pledges-filter-party"
      />
      <SkillFilter value={filter.skill} onChange={change('skill')} style={filterWidth(130)} testId="pledges-filter-skill" />
      <YesNoFilter
        label={t('pledges.filterHealth')}
        yes={t('pledges.healthRiskYes')}
        no={t('pledges.healthRiskNo')}
        value={filter.healthRisk}
        onChange={change('healthRisk')}
        style={filterWidth(140)}
        testId="pledges-filter-health"
      />
      <Space.Compact style={filterWidth(240)}>
        <SelectFilter<Weekday>
          label={t('pledges.filterWeekday')}
          value={filter.weekday}
          onChange={change('weekday')}
          options={WEEKDAYS.map((d) => ({ value: d, label: WEEKDAY_LABELS[d][language] }))}
          style={{ width: '45%' }}
          testId="pledges-filter-weekday"
        />
        <SelectFilter<TimeBand>
          label={t('pledges.filterBand')}
          value={filter.band}
          onChange={change('band')}
          options={TIME_BANDS.map((b) => ({ value: b, label: t(`person.bandShort.${b}`) }))}
          style={{ width: '55%' }}
          testId="pledges-filter-band"
        />
      </Space.Compact>
    </Flex>
  );

  const bulkBar = selected.length ? (
    <Flex
      wrap
      align="center"
      gap={8}
      style={{ marginBottom: 12, padding: '8px 12px', background: '#fff7e6', borderRadius: 6 }}
      data-testid="pledges-bulk"
    >
      <Typography.Text strong>{t('pledges.selected', { count: selected.length })}</Typography.Text>
      <Button
        size="small"
        type="primary"
        icon={<CheckOutlined />}
        onClick={() => decide('approve', selected)}
        data-testid="pledges-bulk-approve"
      >
        {t('pledges.action.approve')}
      </Button>
      <Button
        size="small"
        icon={<ClockCircleOutlined />}
        onClick={() => decide('waitlist', selected)}
        data-testid="pledges-bulk-waitlist"
      >
        {t('pledges.action.waitlist')}
      </Button>
      <Button
        size="small"
        danger
        icon={<CloseOutlined />}
        onClick={() => decide('reject', selected)}
        data-testid="pledges-bulk-reject"
      >
        {t('pledges.action.reject')}
      </Button>
      <Button size="small" type="link" onClick={() => setSelected([])} data-testid="pledges-bulk-clear">
        {t('pledges.clearSelection')}
      </Button>
    </Flex>
  ) : null;

  const review = (
    <Card>
      {filters}
      <Tabs
        // The counts change the tabs' widths; a fresh mount puts the ink bar back under the active tab.
        key={TAB_ORDER.map((s) => (s === 'all' ? '' : (counts[s] ?? ''))).join('|')}
        activeKey={status}
        onChange={(key) => {
          setStatus(key as StatusTab);
          setPage(1);
          setSelected([]);
        }}
        items={TAB_ORDER.map((s) => ({
          key: s,
          label: (
            <span data-testid={`pledges-tab-${s}`}>
              {s === 'all' ? t('pledges.all') : PLEDGE_STATUS_LABELS[s][language]}
              {s !== 'all' && counts[s] !== undefined ? (
                <Badge
                  count={counts[s]}
                  showZero
                  overflowCount={9999}
                  color={s === 'pending' && counts[s] ? '#c41d1d' : '#bfbfbf'}
                  style={{ marginInlineStart: 6 }}
                />
              ) : null}
            </span>
          ),
        }))}
        style={{ marginBottom: 4 }}
      />
      {bulkBar}
      {pledges.isError ? <QueryError error={pledges.error} onRetry={() => void pledges.refetch()} /> : null}
      <Table<Pledge>
        rowKey="id"
        loading={pledges.isFetching}
        dataSource={pledges.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={pagination(pledges.data?.total ?? 0)}
        rowSelection={{
          selectedRowKeys: selected.map((p) => p.id),
          preserveSelectedRowKeys: true,
          onChange: (_, rows) => setSelected(rows.filter(Boolean)),
          getCheckboxProps: (p) =>
            ({ disabled: p.status === 'approved', 'data-testid': `pledge-select-${p.reference}` }) as never,
        }}
        // Warm yellow, not red: a selected row is already tinted with the theme's red.
        onRow={(p) => (hasHealthRisk(p) ? { style: { background: '#fffbe6' } } : {})}
        columns={[
          {
            key: 'reference',
            title: t('pledge.reference'),
            dataIndex: 'reference',
            render: (r: string, p: Pledge) => (
              <Button
                type="link"
                size="small"
                style={{ padding: 0 }}
                onClick={() => setViewing(p.id)}
                data-testid={`pledge-open-${r}`}
              >
                {r}
              </Button>
            ),
          },
          {
            key: 'name',
            title: t('person.name'),
            render: (_: unknown, p: Pledge) => (
              <Space size={4}>
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, color: 'inherit' }}
                  onClick={() => setViewing(p.id)}
                  data-testid={`pledge-name-${p.reference}`}
                >
                  {p.name}
                </Button>
                {p.partyMember ? <Tag color="red">{t('person.partyMemberTag')}</Tag> : null}
              </Space>
            ),
          },
          { key: 'mobile', title: t('person.mobile'), dataIndex: 'mobile' },
          { key: 'idNumber', title: t('person.idNumber'), dataIndex: 'idNumber' },
          { key: 'unit', title: t('person.unit'), dataIndex: 'unitName', render: (u: string | null) => u ?? '—' },
          { key: 'region', title: t('person.region'), dataIndex: 'regionName' },
          { key: 'skills', title: t('person.skills'), render: (_: unknown, p: Pledge) => <SkillList skills={p.skills} /> },
          { key: 'health', title: t('pledges.health'), render: (_: unknown, p: Pledge) => <HealthFlags pledge={p} /> },
          {
            key: 'submittedAt',
            title: t('pledgeStatus.submittedAt'),
            dataIndex: 'submittedAt',
            render: (at: string) => formatDateTime(at).slice(0, 16),
          },
          {
            key: 'status',
            title: t('pledges.status'),
            render: (_: unknown, p: Pledge) =>
              p.decisionReason ? (
                <Tooltip title={p.decisionReason}>
                  <span>
                    <PledgeStatusTag status={p.status} />
                  </span>
                </Tooltip>
              ) : (
                <PledgeStatusTag status={p.status} />
              ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            fixed: phone ? undefined : ('right' as const),
            render: (_: unknown, p: Pledge) => (
              <Space size={0}>
                {p.status !== 'approved' ? (
                  <RowAction
                    icon={<CheckOutlined />}
                    label={t('pledges.action.approve')}
                    onClick={() => decide('approve', [p])}
                    testId={`pledge-approve-${p.reference}`}
                  />
                ) : null}
                {p.status === 'pending' || p.status === 'rejected' ? (
                  <RowAction
                    icon={<ClockCircleOutlined />}
                    label={t('pledges.action.waitlist')}
                    onClick={() => decide('waitlist', [p])}
                    testId={`pledge-waitlist-${p.reference}`}
                  />
                ) : null}
                {p.status === 'pending' || p.status === 'waitlisted' ? (
                  <RowAction
                    danger
                    icon={<CloseOutlined />}
                    label={t('pledges.action.reject')}
                    onClick={() => decide('reject', [p])}
                    testId={`pledge-reject-${p.reference}`}
                  />
                ) : null}
              </Space>
            ),
          },
        ]}
        data-testid="pledges-table"
      />
    </Card>
  );

  return (
    <>
      <PageHeader
        title={t('pledges.title')}
        extra={
          <Button icon={<QrcodeOutlined />} onClick={() => setShowQr(true)} data-testid="pledges-qr">
            {t('pledges.qrButton')}
          </Button>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as 'review' | 'quotas')}
        items={[
          { key: 'review', label: <span data-testid="pledges-tab-review">{t('pledges.tabReview')}</span>, children: review },
          {
            key: 'quotas',
            label: <span data-testid="pledges-tab-quotas">{t('pledges.tabQuotas')}</span>,
            children: (
              <Card>
                <QuotaPanel />
              </Card>
            ),
          },
        ]}
      />
      <PledgeDrawer id={viewing} onClose={() => setViewing(null)} onDecide={(d, p) => decide(d, [p])} />
      {deciding ? (
        <DecisionModal
          target={deciding}
          onClose={() => setDeciding(null)}
          onDecided={() => setSelected([])}
          onAccount={setOneTime}
          onBulkResult={(result, list) => setBulkResult({ result, pledges: list })}
        />
      ) : null}
      <OneTimePasswordModal value={oneTime} onClose={() => setOneTime(null)} />
      <BulkResultModal value={bulkResult} onClose={() => setBulkResult(null)} />
      {showQr ? <PledgeQrModal onClose={() => setShowQr(false)} /> : null}
    </>
  );
}
