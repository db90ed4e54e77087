import { DownloadOutlined, DownOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Flex, Input, List, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { HOUSING_STATUSES, type HousingStatus } from '../../../common/enums.ts';
import { idCardProblem } from '../../../common/idcard.ts';
import { HOUSING_STATUS_LABELS, RESIDENT_RELATION_LABELS } from '../../../common/labels.ts';
import { download, withQuery } from '../../app/api.ts';
import { useConfirm } from '../../app/confirm.ts';
import { useReportError } from '../../app/errors.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter } from '../../components/filters.tsx';
import { textParam, useUrlPagedFilter } from '../../components/useUrlFilter.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { HouseholdFormModal } from './HouseholdFormModal.tsx';
import { HouseholdImportModal } from './HouseholdImportModal.tsx';
import { HouseholdRegionTree } from './HouseholdRegionTree.tsx';
import { HousingTag } from './HouseholdTags.tsx';
import {
  householdQuery,
  useHouseholds,
  useResidentSearch,
  type HouseholdFilter,
  type HouseholdSummary,
} from './households.api.ts';

/** Where a person lives, found by their full ID number (exact, through the blind index). */
function IdNumberMatches({ idNumber, onClose }: { idNumber: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const found = useResidentSearch(idNumber);
  return (
    <Modal open title={t('households.idSearchTitle')} footer={null} onCancel={onClose}>
      {found.isError ? <QueryError error={found.error} onRetry={() => void found.refetch()} /> : null}
      <List
        loading={found.isPending}
        dataSource={found.data?.items ?? []}
        locale={{ emptyText: t('households.idSearchNone') }}
        renderItem={({ resident, household }) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Link to={`/households/${household.id}`} data-testid={`households-match-${household.id}`}>
                  {household.address}
                </Link>
              }
              description={`${resident.name} · ${RESIDENT_RELATION_LABELS[resident.relation][language]} · ${resident.idNumber ?? ''} · ${household.regionName}`}
            />
          </List.Item>
        )}
        data-testid="households-matches"
      />
    </Modal>
  );
}

export function HouseholdsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe().data;
  const canWrite = can(me, 'households.write');
  const canReveal = can(me, 'pii.reveal');
  const phone = useIsPhone();
  const filterWidth = useFilterWidth();
  const navigate = useNavigate();
  const report = useReportError();
  const confirm = useConfirm();
  const { message } = App.useApp();
  const { filter, change, page, pageSize, pagination } = useUrlPagedFilter<HouseholdFilter>({ regionId: textParam });
  const households = useHouseholds(filter, page, pageSize);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [idNumber, setIdNumber] = useState<string | null>(null);

  async function exportList(reveal: boolean) {
    setExporting(true);
    try {
      await download(
        withQuery('/households/export', { ...householdQuery(filter), reveal: reveal || undefined }),
        t('households.exportFile'),
      );
    } catch (e) {
      report(e);
    } finally {
      setExporting(false);
    }
  }

  function searchId(raw: string) {
    const value = raw.trim().toUpperCase();
    if (!value) return;
    const problem = idCardProblem(value);
    if (problem) void message.warning(t(`person.idProblem.${problem}`));
    else setIdNumber(value);
  }

  const table = (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        {phone ? (
          <RegionTreeSelect
            allowClear
            placeholder={t('households.allRegions')}
            value={filter.regionId ?? null}
            onChange={change('regionId')}
            testId="households-filter-region"
            style={filterWidth(200)}
          />
        ) : null}
        <Input.Search
          allowClear
          placeholder={t('households.search')}
          aria-label={t('households.search')}
          onSearch={(q) => change('q')(q)}
          style={filterWidth(260)}
          data-testid="households-filter-q"
        />
        <SelectFilter<HousingStatus>
          label={t('households.filterHousing')}
          value={filter.housing}
          onChange={change('housing')}
          options={HOUSING_STATUSES.map((h) => ({ value: h, label: HOUSING_STATUS_LABELS[h][language] }))}
          style={filterWidth(120)}
          testId="households-filter-housing"
        />
        <Input.Search
          allowClear
          maxLength={18}
          placeholder={t('households.idSearch')}
          aria-label={t('households.idSearch')}
          title={t('households.idSearchHint')}
          onSearch={searchId}
          style={filterWidth(230)}
          data-testid="households-id-search"
        />
      </Flex>
      {households.isError ? <QueryError error={households.error} onRetry={() => void households.refetch()} /> : null}
      <Table<HouseholdSummary>
        rowKey="id"
        size={phone ? 'small' : 'middle'}
        loading={households.isFetching}
        dataSource={households.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={pagination(households.data?.total ?? 0)}
        onRow={(h) => ({ onClick: () => void navigate(`/households/${h.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            key: 'address',
            title: t('households.address'),
            render: (_: unknown, h: HouseholdSummary) => (
              <Link to={`/households/${h.id}`} data-testid={`household-open-${h.id}`}>
                {h.address}
              </Link>
            ),
          },
          ...(phone
            ? []
            : [
                {
                  key: 'place',
                  title: t('households.place'),
                  render: (_: unknown, h: HouseholdSummary) => [h.building, h.unit, h.room].filter(Boolean).join(' ') || '—',
                },
                { key: 'region', title: t('households.region'), dataIndex: 'regionName' },
              ]),
          {
            key: 'housing',
            title: t('households.housing'),
            render: (_: unknown, h: HouseholdSummary) => <HousingTag housing={h.housing} />,
          },
          { key: 'members', title: t('households.memberCount'), dataIndex: 'memberCount', align: 'right' as const },
        ]}
        data-testid="households-table"
      />
    </>
  );

  return (
    <>
      <PageHeader
        title={t('households.title')}
        extra={
          <>
            <Space.Compact>
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                onClick={() => void exportList(false)}
                data-testid="households-export"
              >
                {t('households.export')}
              </Button>
              {canReveal ? (
                <Dropdown
                  menu={{
                    items: [{ key: 'reveal', label: t('households.exportReveal') }],
                    onClick: () =>
                      confirm({
                        title: t('households.exportReveal'),
                        content: t('households.exportRevealConfirm'),
                        testId: 'households-export-reveal-confirm',
                        action: () => exportList(true),
                      }),
                  }}
                >
                  <Button
                    icon={<DownOutlined />}
                    aria-label={t('households.exportReveal')}
                    data-testid="households-export-more"
                  />
                </Dropdown>
              ) : null}
            </Space.Compact>
            {canWrite ? (
              <>
                <Button icon={<FileExcelOutlined />} onClick={() => setImporting(true)} data-testid="households-import">
                  {t('households.import')}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="household-create">
                  {t('households.create')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      {phone ? (
        <Card size="small">{table}</Card>
      ) : (
        <Flex gap={16} align="flex-start">
          <Card
            size="small"
            style={{ width: 260, flex: 'none' }}
            title={<Typography.Text strong>{t('households.regions')}</Typography.Text>}
          >
            <HouseholdRegionTree value={filter.regionId ?? null} onChange={change('regionId')} />
          </Card>
          <Card style={{ flex: 1, minWidth: 0 }}>{table}</Card>
        </Flex>
      )}
      {creating ? (
        <HouseholdFormModal
          household={null}
          regionId={filter.regionId ?? null}
          onClose={() => setCreating(false)}
          onCreated={(h) => void navigate(`/households/${h.id}`)}
        />
      ) : null}
      {importing ? <HouseholdImportModal onClose={() => setImporting(false)} /> : null}
      {idNumber ? <IdNumberMatches idNumber={idNumber} onClose={() => setIdNumber(null)} /> : null}
    </>
  );
}
