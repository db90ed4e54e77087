import { Card, Col, DatePicker, Flex, Row, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/dates.ts';
import { useFilterWidth } from '../../../components/filterWidth.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { useAbsenceTally, type AbsenceTally } from '../inspections.api.ts';
import { DAY, lastDays, withinDays } from './dateRange.ts';

/** The server's bound on the period. */
const MAX_DAYS = 92;
/** A month back by default: the usual period of a discipline report. */
const DEFAULT_DAYS = 30;

type ByVolunteer = AbsenceTally['byVolunteer'][number];
type ByTeam = AbsenceTally['byTeam'][number];

function Count({ count }: { count: number }) {
  return <Tag color={count > 1 ? 'red' : 'orange'}>{count}</Tag>;
}

/** 缺岗统计: absences found by inspections in a period, by volunteer and by their teams. */
export function AbsenceTallyTab({ regionId }: { regionId: string | null }) {
  const { t } = useTranslation();
  const filterWidth = useFilterWidth();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => lastDays(DEFAULT_DAYS));
  const tally = useAbsenceTally({ regionId, from: range[0].format(DAY), to: range[1].format(DAY) });
  const data = tally.data;

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          disabledDate={withinDays(MAX_DAYS)}
          onChange={(picked) => {
            if (picked?.[0] && picked[1]) setRange([picked[0], picked[1]]);
          }}
          placeholder={[t('inspections.visits.from'), t('inspections.visits.to')]}
          style={filterWidth(260)}
          data-testid="absence-tally-range"
        />
      </Flex>
      {tally.isError ? <QueryError error={tally.error} onRetry={() => void tally.refetch()} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('inspections.absences.byVolunteer')}>
            <Table<ByVolunteer>
              rowKey="volunteerId"
              size="small"
              loading={tally.isFetching}
              dataSource={data?.byVolunteer ?? []}
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { key: 'name', title: t('inspections.absences.volunteer'), dataIndex: 'name' },
                { key: 'region', title: t('inspections.absences.region'), dataIndex: 'regionName' },
                {
                  key: 'count',
                  title: t('inspections.absences.count'),
                  render: (_: unknown, row: ByVolunteer) => <Count count={row.count} />,
                },
                {
                  key: 'lastAt',
                  title: t('inspections.absences.lastAt'),
                  render: (_: unknown, row: ByVolunteer) => formatDateTime(row.lastAt),
                },
              ]}
              data-testid="absence-tally-volunteers"
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('inspections.absences.byTeam')}>
            <Table<ByTeam>
              rowKey="teamId"
              size="small"
              loading={tally.isFetching}
              dataSource={data?.byTeam ?? []}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { key: 'name', title: t('inspections.absences.team'), dataIndex: 'name' },
                {
                  key: 'count',
                  title: t('inspections.absences.count'),
                  render: (_: unknown, row: ByTeam) => <Count count={row.count} />,
                },
              ]}
              data-testid="absence-tally-teams"
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
