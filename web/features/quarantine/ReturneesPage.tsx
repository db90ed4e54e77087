import { CheckCircleOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { MEASURES, type Measure } from '../../../common/enums.ts';
import { MEASURE_LABELS, TRANSPORT_MODE_LABELS } from '../../../common/labels.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter } from '../../components/filters.tsx';
import { textParam, useUrlPagedFilter } from '../../components/useUrlFilter.ts';
import { useLiveRefresh } from '../passages/useLiveRefresh.ts';
import { PeopleDesk, PeopleFilters, PersonActions, useRevealedPeople } from './PersonParts.tsx';
import { ReturneeFormModal } from './ReturneeFormModal.tsx';
import { ReturneeMeasureModal } from './ReturneeMeasureModal.tsx';
import { MeasureCell } from './ReturneeParts.tsx';
import {
  RETURNEE_EVENTS,
  RETURNEES_KEY,
  revealReturnee,
  useReturnees,
  type Returnee,
  type ReturneeFilter,
} from './returnees.api.ts';

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
  const [params, setParams] = useSearchParams();
  const followUpId = params.get('followUp');
  const { filter, change, ...paging } = useUrlPagedFilter<ReturneeFilter>({ regionId: textParam });
  const list = useReturnees(filter, paging.page, paging.pageSize);
  useLiveRefresh(RETURNEE_EVENTS, RETURNEES_KEY);
  const { revealed, reveal } = useRevealedPeople('returnee-reveal-confirm', revealReturnee);
  const [editing, setEditing] = useState<Returnee | 'new' | null>(followUpId ? 'new' : null);
  const [deciding, setDeciding] = useState<Returnee | null>(null);

  function closeForm() {
    setEditing(null);
    // The filters in the address stay.
    if (followUpId)
      setParams(
        (current) => {
          current.delete('followUp');
          return current;
        },
        { replace: true },
      );
  }

  const pendingValue: PendingChoice = filter.pending === true ? 'pending' : filter.pending === false ? 'done' : ALL;

  return (
    <>
      <PeopleDesk<Returnee>
        kind="returnee"
        title={t('returnees.title')}
        register={t('returnees.register')}
        onRegister={canWrite ? () => setEditing('new') : null}
        list={list}
        paging={paging}
        empty={t('returnees.empty')}
        revealed={revealed}
        filters={
          <PeopleFilters
            testId="returnees"
            filter={filter}
            change={change}
            range={[t('returnees.filterFrom'), t('returnees.filterTo')]}
            above={
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
            }
          >
            <SelectFilter<Measure>
              label={t('returnees.filterMeasure')}
              value={filter.measure}
              onChange={change('measure')}
              options={MEASURES.map((m) => ({ value: m, label: MEASURE_LABELS[m][language] }))}
              style={filterWidth(140)}
              testId="returnees-measure"
            />
          </PeopleFilters>
        }
        columns={[
          { key: 'measure', title: t('returnees.measure'), render: (r) => <MeasureCell returnee={r} /> },
          {
            key: 'origin',
            title: t('returnees.from'),
            render: (r) => (
              <Flex gap={4} align="center" wrap>
                <span>{r.originName}</span>
                {r.fromRiskArea ? <Tag color="red">{t('returnees.riskArea')}</Tag> : null}
              </Flex>
            ),
          },
          {
            key: 'trip',
            title: t('returnees.trip'),
            render: (r) => (
              <Flex vertical gap={0}>
                <span>{r.returnedOn}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {TRANSPORT_MODE_LABELS[r.transport][language]}
                  {r.tripNumber ? ` ${r.tripNumber}` : ''}
                </Typography.Text>
              </Flex>
            ),
          },
        ]}
        actions={(r) => (
          <PersonActions
            kind="returnee"
            person={r}
            canWrite={canWrite}
            revealed={!!revealed[r.id]}
            onEdit={() => setEditing(r)}
            onReveal={can(me, 'quarantine.reveal') ? () => reveal(r.id) : null}
          >
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
          </PersonActions>
        )}
      />
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
