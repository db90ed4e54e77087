import { EyeOutlined } from '@ant-design/icons';
import { DatePicker, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSAGE_DIRECTIONS, PASSAGE_SUBJECTS, type PassageDirection, type PassageSubject } from '../../../../common/enums.ts';
import { PASSAGE_DIRECTION_LABELS, PASSAGE_PURPOSE_LABELS, PASSAGE_SUBJECT_LABELS } from '../../../../common/labels.ts';
import { formatDateTime } from '../../../app/dates.ts';
import { can, useMe } from '../../../app/session.ts';
import { useLanguage } from '../../../app/useLanguage.ts';
import { useFilterWidth } from '../../../components/filterWidth.ts';
import { SelectFilter, usePagedFilter, YesNoFilter } from '../../../components/filters.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { RowAction } from '../../../components/RowAction.tsx';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect.tsx';
import { DirectionTag, FollowUpKindTag, OriginText, SubjectTag, TemperatureText } from '../PassageBits.tsx';
import { revealPassage, usePassages, type Passage, type PassageFilter, type PassageIdentity } from '../passages.api.ts';
import { useRevealed } from '../useRevealed.ts';
import { CheckpointSelect } from './CheckpointSelect.tsx';

const DAY = 'YYYY-MM-DD';

/** Name, mobile and plate as the list may show them: masked, revealed, or gone after the retention period. */
function Identity({ passage: p, revealed }: { passage: Passage; revealed: PassageIdentity | undefined }) {
  const { t } = useTranslation();
  if (p.anonymised) return <Tag>{t('passages.anonymised')}</Tag>;
  const shown = revealed ?? p;
  const parts = [shown.name, shown.mobile, shown.plate].filter(Boolean);
  if (!parts.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical data-testid={`passage-identity-${p.id}`}>
      {parts.map((part) => (
        <span key={part} style={{ whiteSpace: 'nowrap' }}>
          {part}
        </span>
      ))}
    </Flex>
  );
}

/** 登记记录: every entry in the caller's area, masked; a reveal is confirmed and audited. */
export function PassageList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const filterWidth = useFilterWidth();
  const me = useMe().data;
  const canReveal = can(me, 'passages.reveal');
  const { filter, change, page, pageSize, pagination } = usePagedFilter<PassageFilter>();
  const passages = usePassages(filter, page, pageSize);
  const { revealed, reveal } = useRevealed('passage-reveal-confirm', revealPassage);

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <RegionTreeSelect
          allowClear
          placeholder={t('passages.filterRegion')}
          value={filter.regionId ?? null}
          onChange={change('regionId')}
          testId="passages-filter-region"
          style={filterWidth(200)}
        />
        {can(me, 'checkpoints.read') ? (
          <CheckpointSelect
            value={filter.checkpointId}
            onChange={change('checkpointId')}
            regionId={filter.regionId}
            placeholder={t('passages.filterCheckpoint')}
            testId="passages-filter-checkpoint"
            style={filterWidth(200)}
          />
        ) : null}
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
          onChange={(range) => {
            change('from')(range?.[0]?.format(DAY) ?? null);
            change('to')(range?.[1]?.format(DAY) ?? null);
          }}
          placeholder={[t('passages.filterFrom'), t('passages.filterTo')]}
          style={filterWidth(240)}
          data-testid="passages-filter-range"
        />
        <SelectFilter<PassageDirection>
          label={t('passages.filterDirection')}
          value={filter.direction}
          onChange={change('direction')}
          options={PASSAGE_DIRECTIONS.map((d) => ({ value: d, label: PASSAGE_DIRECTION_LABELS[d][language] }))}
          style={filterWidth(100)}
          testId="passages-filter-direction"
        />
        <SelectFilter<PassageSubject>
          label={t('passages.filterSubject')}
          value={filter.subject}
          onChange={change('subject')}
          options={PASSAGE_SUBJECTS.map((s) => ({ value: s, label: PASSAGE_SUBJECT_LABELS[s][language] }))}
          style={filterWidth(110)}
          testId="passages-filter-subject"
        />
        <YesNoFilter
          label={t('passages.filterFever')}
          yes={t('passages.feverYes')}
          no={t('passages.feverNo')}
          value={filter.fever}
          onChange={change('fever')}
          style={filterWidth(110)}
          testId="passages-filter-fever"
        />
        <YesNoFilter
          label={t('passages.filterRiskArea')}
          yes={t('passages.riskYes')}
          no={t('passages.riskNo')}
          value={filter.fromRiskArea}
          onChange={change('fromRiskArea')}
          style={filterWidth(150)}
          testId="passages-filter-risk"
        />
      </Flex>
      {passages.isError ? <QueryError error={passages.error} onRetry={() => void passages.refetch()} /> : null}
      <Table<Passage>
        rowKey="id"
        size="small"
        loading={passages.isFetching}
        dataSource={passages.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={pagination(passages.data?.total ?? 0)}
        onRow={(p) => ({ 'data-testid': `passage-row-${p.id}`, 'data-fever': p.fever }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'time',
            title: t('passages.time'),
            render: (_: unknown, p: Passage) => (
              <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(p.occurredAt).slice(0, 16)}</span>
            ),
          },
          {
            key: 'checkpoint',
            title: t('passages.checkpoint'),
            render: (_: unknown, p: Passage) => (
              <>
                <div>{p.checkpointName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.regionName}
                </Typography.Text>
              </>
            ),
          },
          {
            key: 'who',
            title: t('passages.passer'),
            render: (_: unknown, p: Passage) => (
              <Flex gap={4} wrap>
                <DirectionTag direction={p.direction} />
                <SubjectTag subject={p.subject} people={p.people} />
              </Flex>
            ),
          },
          {
            key: 'identity',
            title: t('passages.identity'),
            render: (_: unknown, p: Passage) => <Identity passage={p} revealed={revealed[p.id]} />,
          },
          {
            key: 'temperature',
            title: t('passages.temperature'),
            render: (_: unknown, p: Passage) => (
              <TemperatureText temperature={p.temperature} remeasured={p.remeasured} fever={p.fever} />
            ),
          },
          {
            key: 'origin',
            title: t('passages.origin'),
            render: (_: unknown, p: Passage) => <OriginText name={p.originName} risky={p.fromRiskArea} />,
          },
          {
            key: 'purpose',
            title: t('passages.purpose'),
            render: (_: unknown, p: Passage) => (p.purpose ? PASSAGE_PURPOSE_LABELS[p.purpose][language] : '—'),
          },
          { key: 'leaflets', title: t('passages.leaflets'), dataIndex: 'leaflets', align: 'right' as const },
          {
            key: 'followUps',
            title: t('passages.followUpsColumn'),
            render: (_: unknown, p: Passage) => (
              <Flex gap={4} wrap>
                {p.followUps.map((f) => (
                  <FollowUpKindTag key={f.id} kind={f.kind} />
                ))}
              </Flex>
            ),
          },
          { key: 'recordedBy', title: t('passages.recordedBy'), dataIndex: 'recordedByName' },
          ...(canReveal
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, p: Passage) =>
                    p.anonymised || revealed[p.id] || !(p.name || p.mobile || p.plate) ? null : (
                      <RowAction
                        icon={<EyeOutlined />}
                        label={t('passages.reveal')}
                        onClick={() => reveal(p.id)}
                        testId={`passage-reveal-${p.id}`}
                      />
                    ),
                },
              ]
            : []),
        ]}
        data-testid="passages-table"
      />
    </>
  );
}
