import { EditOutlined, FileExcelOutlined, PlusOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { VOLUNTEER_STATUSES, type Gender, type VolunteerStatus } from '../../../common/enums.ts';
import { GENDER_LABELS, VOLUNTEER_STATUS_LABELS } from '../../../common/labels.ts';
import { download, withQuery } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { PartyFilter, SelectFilter, SkillFilter } from '../../components/filters.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { oneOfParam, textParam, useUrlPagedFilter } from '../../components/useUrlFilter.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { useTeamOptions } from './related.ts';
import { SkillList } from './SkillTags.tsx';
import { UnitSelect } from './UnitSelect.tsx';
import { VolunteerFormModal } from './VolunteerFormModal.tsx';
import { VolunteerImportModal } from './VolunteerImportModal.tsx';
import { VolunteerStatusTag } from './VolunteerStatusTag.tsx';
import { useVolunteer, useVolunteers, volunteerQuery, type VolunteerFilter, type VolunteerSummary } from './volunteers.api.ts';

function TeamFilter({
  value,
  onChange,
  style,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  style: { width: number | string };
}) {
  const { t } = useTranslation();
  const allowed = can(useMe().data, 'teams.read');
  const [q, setQ] = useState('');
  const teams = useTeamOptions(q, allowed);
  if (!allowed) return null;
  return (
    <Select<string>
      allowClear
      placeholder={t('volunteers.filterTeam')}
      aria-label={t('volunteers.filterTeam')}
      value={value ?? undefined}
      onChange={(id) => onChange(id ?? null)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={teams.isFetching}
      options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
      popupMatchSelectWidth={false}
      style={style}
      data-testid="volunteers-filter-team"
    />
  );
}

/** Loads the full record (the list has summaries) before the edit dialog opens. */
function EditVolunteer({ id, onClose }: { id: string; onClose: () => void }) {
  const volunteer = useVolunteer(id);
  if (!volunteer.data) return null;
  return <VolunteerFormModal volunteer={volunteer.data} onClose={onClose} />;
}

export function VolunteersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe().data;
  const canWrite = can(me, 'volunteers.write');
  const phone = useIsPhone();
  const filterWidth = useFilterWidth();
  const navigate = useNavigate();
  const report = useReportError();
  const { message } = App.useApp();
  const { filter, change, page, pageSize, pagination } = useUrlPagedFilter<VolunteerFilter>({
    regionId: textParam,
    status: oneOfParam(VOLUNTEER_STATUSES),
  });
  const [mobileInput, setMobileInput] = useState('');
  const volunteers = useVolunteers(filter, page, pageSize);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const mobileBad = mobileInput.trim() !== '' && !/^\d{4,11}$/.test(mobileInput.trim());

  async function exportList() {
    setExporting(true);
    try {
      await download(withQuery('/volunteers/export', volunteerQuery(filter)), t('volunteers.exportFile'));
    } catch (e) {
      report(e);
    } finally {
      setExporting(false);
    }
  }

  return (
    <>
      <PageHeader
        title={t('volunteers.title')}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void exportList()}
              data-testid="volunteers-export"
            >
              {t('volunteers.export')}
            </Button>
            {canWrite ? (
              <>
                <Button icon={<FileExcelOutlined />} onClick={() => setImporting(true)} data-testid="volunteers-import">
                  {t('volunteers.import')}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="volunteer-create">
                  {t('volunteers.create')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('volunteers.filterName')}
            aria-label={t('volunteers.filterName')}
            onSearch={(q) => change('q')(q)}
            style={filterWidth(160)}
            data-testid="volunteers-filter-q"
          />
          <Input.Search
            allowClear
            inputMode="numeric"
            maxLength={11}
            status={mobileBad ? 'error' : undefined}
            placeholder={t('volunteers.filterMobile')}
            aria-label={t('volunteers.filterMobile')}
            title={t('volunteers.filterMobileHint')}
            value={mobileInput}
            onChange={(e) => setMobileInput(e.target.value)}
            onSearch={(m) => {
              if (m.trim() === '' || /^\d{4,11}$/.test(m.trim())) change('mobile')(m);
              else void message.warning(t('volunteers.filterMobileHint'));
            }}
            style={filterWidth(170)}
            data-testid="volunteers-filter-mobile"
          />
          <UnitSelect
            allowClear
            placeholder={t('pledges.filterUnit')}
            value={filter.unitId ?? null}
            onChange={change('unitId')}
            testId="volunteers-filter-unit"
            style={filterWidth(170)}
          />
          <RegionTreeSelect
            allowClear
            placeholder={t('pledges.filterRegion')}
            value={filter.regionId ?? null}
            onChange={change('regionId')}
            testId="volunteers-filter-region"
            style={filterWidth(200)}
          />
          <TeamFilter value={filter.teamId ?? null} onChange={change('teamId')} style={filterWidth(170)} />
          <SkillFilter
            value={filter.skill}
            onChange={change('skill')}
            style={filterWidth(130)}
            testId="volunteers-filter-skill"
          />
          <SelectFilter<VolunteerStatus>
            label={t('volunteers.filterStatus')}
            value={filter.status}
            onChange={change('status')}
            options={VOLUNTEER_STATUSES.map((s) => ({ value: s, label: VOLUNTEER_STATUS_LABELS[s][language] }))}
            style={filterWidth(120)}
            testId="volunteers-filter-status"
          />
          <PartyFilter
            value={filter.partyMember}
            onChange={change('partyMember')}
            style={filterWidth(140)}
            testId="volunteers-filter-party"
          />
        </Flex>
        {volunteers.isError ? <QueryError error={volunteers.error} onRetry={() => void volunteers.refetch()} /> : null}
        <Table<VolunteerSummary>
          rowKey="id"
          loading={volunteers.isFetching}
          dataSource={volunteers.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={pagination(volunteers.data?.total ?? 0)}
          columns={[
            {
              key: 'name',
              title: t('person.name'),
              render: (_: unknown, v: VolunteerSummary) => (
                <Space size={4}>
                  <Link to={`/volunteers/${v.id}`} data-testid={`volunteer-open-${v.id}`}>
                    {v.name}
                  </Link>
                  {v.partyMember ? <Tag color="red">{t('person.partyMemberTag')}</Tag> : null}
                </Space>
              ),
            },
            { key: 'gender', title: t('person.gender'), dataIndex: 'gender', render: (g: Gender) => GENDER_LABELS[g][language] },
            { key: 'mobile', title: t('person.mobile'), dataIndex: 'mobile' },
            { key: 'idNumber', title: t('person.idNumber'), dataIndex: 'idNumber' },
            { key: 'unit', title: t('person.unit'), dataIndex: 'unitName', render: (u: string | null) => u ?? '—' },
            { key: 'region', title: t('person.region'), dataIndex: 'regionName' },
            {
              key: 'skills',
              title: t('person.skills'),
              render: (_: unknown, v: VolunteerSummary) => <SkillList skills={v.skills} />,
            },
            {
              key: 'status',
              title: t('volunteers.status'),
              render: (_: unknown, v: VolunteerSummary) => <VolunteerStatusTag status={v.status} />,
            },
            {
              key: 'account',
              title: t('volunteers.account'),
              dataIndex: 'accountLogin',
              render: (login: string | null) => login ?? '—',
            },
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    fixed: phone ? undefined : ('right' as const),
                    render: (_: unknown, v: VolunteerSummary) => (
                      <RowAction
                        icon={<EditOutlined />}
                        label={t('common.edit')}
                        onClick={() => setEditing(v.id)}
                        testId={`volunteer-edit-${v.id}`}
                      />
                    ),
                  },
                ]
              : []),
          ]}
          data-testid="volunteers-table"
        />
      </Card>
      {creating ? (
        <VolunteerFormModal
          volunteer={null}
          onClose={() => setCreating(false)}
          onCreated={(v) => void navigate(`/volunteers/${v.id}`)}
        />
      ) : null}
      {editing ? <EditVolunteer id={editing} onClose={() => setEditing(null)} /> : null}
      {importing ? <VolunteerImportModal onClose={() => setImporting(false)} /> : null}
    </>
  );
}
