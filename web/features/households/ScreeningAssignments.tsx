import { App, Button, Flex, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useReportError } from '../../app/errors.ts';
import { TeamSelect } from '../teams/TeamSelect.tsx';
import { VolunteerSelect } from '../volunteers/VolunteerSelect.tsx';
import { SCREENING_KEY, setAssignments, type CampaignDetail } from './screening.api.ts';

type Pick = { volunteerId: string | null; teamId: string | null };

/** Who visits each grid: a volunteer, a team, or both; saved as one list. */
export function ScreeningAssignments({ campaign, editable }: { campaign: CampaignDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const report = useReportError();
  const [picks, setPicks] = useState<Record<string, Pick>>(() =>
    Object.fromEntries(
      campaign.grids.map((g) => [g.regionId, { volunteerId: g.volunteer?.id ?? null, teamId: g.team?.id ?? null }]),
    ),
  );
  const [saving, setSaving] = useState(false);
  const change = (regionId: string, p: Partial<Pick>) => setPicks({ ...picks, [regionId]: { ...picks[regionId]!, ...p } });

  async function save() {
    setSaving(true);
    try {
      const items = Object.entries(picks)
        .filter(([, p]) => p.volunteerId || p.teamId)
        .map(([regionId, p]) => ({ regionId, volunteerId: p.volunteerId, teamId: p.teamId }));
      await setAssignments(campaign.id, { items });
      await client.invalidateQueries({ queryKey: [SCREENING_KEY] });
      void message.success(t('common.saved'));
    } catch (e) {
      report(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <Table
        rowKey="regionId"
        size="small"
        pagination={false}
        dataSource={campaign.grids}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('screening.grid'), dataIndex: 'regionName' },
          {
            title: t('screening.volunteer'),
            key: 'volunteer',
            render: (_, g) =>
              !editable ? (
                (g.volunteer?.name ?? '—')
              ) : (
                <VolunteerSelect
                  value={picks[g.regionId]?.volunteerId ?? null}
                  onChange={(volunteerId) => change(g.regionId, { volunteerId })}
                  initial={g.volunteer}
                  placeholder={t('screening.unassigned')}
                  allowClear
                  testId={`screening-volunteer-${g.regionId}`}
                  style={{ width: 200 }}
                />
              ),
          },
          {
            title: t('screening.team'),
            key: 'team',
            render: (_, g) =>
              !editable ? (
                (g.team?.name ?? '—')
              ) : (
                <TeamSelect
                  value={picks[g.regionId]?.teamId ?? null}
                  onChange={(teamId) => change(g.regionId, { teamId })}
                  initial={g.team}
                  placeholder={t('screening.unassigned')}
                  allowClear
                  testId={`screening-team-${g.regionId}`}
                  style={{ width: 200 }}
                />
              ),
          },
        ]}
      />
      {editable ? (
        <Flex justify="end" style={{ marginTop: 12 }}>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="screening-save-assignments">
            {t('screening.saveAssignments')}
          </Button>
        </Flex>
      ) : null}
    </>
  );
}
