import { DatePicker, Flex, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/useLanguage.ts';
import { useFilterWidth } from '../../../components/filterWidth.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { usePaging } from '../../../components/usePaging.ts';
import { clock } from '../dutyTime.ts';
import { shiftWhen, today } from '../roster/time.ts';
import { useAbsences, type Absence } from '../now.api.ts';

const DAY = 'YYYY-MM-DD';
/** The last week by default: the usual look back at a morning meeting. */
const DEFAULT_DAYS = 7;

/** Who was marked absent in a date range (of the shift start), and who came late after all. */
export function AbsencesPanel({ regionId }: { regionId: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const filterWidth = useFilterWidth();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const end = dayjs(today());
    return [end.subtract(DEFAULT_DAYS - 1, 'day'), end];
  });
  const { page, pageSize, setPage, pagination } = usePaging();
  const absences = useAbsences({ regionId, from: range[0].format(DAY), to: range[1].format(DAY) }, page, pageSize);

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onChange={(picked) => {
            if (picked?.[0] && picked[1]) {
              setRange([picked[0], picked[1]]);
              setPage(1);
            }
          }}
          placeholder={[t('dutyNow.absencesFrom'), t('dutyNow.absencesTo')]}
          style={filterWidth(260)}
          data-testid="duty-absences-range"
        />
      </Flex>
      {absences.isError ? <QueryError error={absences.error} onRetry={() => void absences.refetch()} /> : null}
      <Table<Absence>
        rowKey="assignmentId"
        size="small"
        loading={absences.isFetching}
        dataSource={absences.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={pagination(absences.data?.total ?? 0)}
        columns={[
          { key: 'volunteer', title: t('dutyNow.volunteer'), dataIndex: 'volunteerName' },
          { key: 'checkpoint', title: t('dutyNow.checkpoint'), dataIndex: 'checkpointName' },
          { key: 'region', title: t('dutyNow.regionName'), dataIndex: 'regionName' },
          {
            key: 'shift',
            title: t('dutyNow.shift'),
            render: (_: unknown, a: Absence) => (
              <span style={{ whiteSpace: 'nowrap' }}>{shiftWhen(a.startsAt, a.endsAt, language)}</span>
            ),
          },
          { key: 'absentAt', title: t('dutyNow.absentAt'), render: (_: unknown, a: Absence) => clock(a.absentAt) },
          {
            key: 'arrival',
            title: t('dutyNow.arrival'),
            render: (_: unknown, a: Absence) =>
              a.checkedInAt ? (
                <Tag color="orange">{t('dutyNow.lateArrival', { time: clock(a.checkedInAt) })}</Tag>
              ) : (
                <Tag color="red">{t('dutyNow.notArrived')}</Tag>
              ),
          },
        ]}
        data-testid="duty-absences-table"
      />
    </>
  );
}
