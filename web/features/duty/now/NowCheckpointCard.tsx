import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RiskTag } from '../../checkpoints/CheckpointTags.tsx';
import { shiftTime } from '../roster/time.ts';
import type { NowRow } from '../now.api.ts';
import { PersonTag } from './PersonTag.tsx';

/** One checkpoint with its running shifts: who should be there and where each of them stands. */
export function NowCheckpointCard({ row }: { row: NowRow }) {
  const { t } = useTranslation();
  const short = row.required - row.onDuty;
  return (
    <Card
      size="small"
      title={
        <Flex wrap gap={6} align="center">
          <span>{row.checkpoint.name}</span>
          <RiskTag risk={row.checkpoint.risk} />
        </Flex>
      }
      extra={
        <Typography.Text type={short > 0 ? 'danger' : 'success'} data-testid={`duty-now-count-${row.checkpoint.id}`}>
          {t('dutyNow.onDutyOfRequired', { onDuty: row.onDuty, required: row.required })}
        </Typography.Text>
      }
      style={{ height: '100%', borderColor: short > 0 ? '#ffa39e' : undefined }}
      data-testid={`duty-now-row-${row.checkpoint.name}`}
      data-short={short > 0 ? 'true' : 'false'}
    >
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
        {row.checkpoint.regionName}
      </Typography.Text>
      {row.shifts.map((shift) => {
        const vacant = shift.required - shift.people.length;
        return (
          <Flex
            key={shift.shiftId}
            wrap
            gap={4}
            align="center"
            style={{ marginBottom: 6 }}
            data-testid={`duty-now-shift-${shift.shiftId}`}
          >
            <Typography.Text strong style={{ marginInlineEnd: 8, whiteSpace: 'nowrap' }}>
              {shiftTime(shift.startsAt, shift.endsAt)}
            </Typography.Text>
            {shift.people.map((person) => (
              <PersonTag key={person.volunteerId} person={person} />
            ))}
            {vacant > 0 ? (
              <Tag
                variant="outlined"
                color="red"
                style={{ borderStyle: 'dashed' }}
                data-testid={`duty-now-vacant-${shift.shiftId}`}
              >
                {t('dutyNow.vacant', { count: vacant })}
              </Tag>
            ) : null}
          </Flex>
        );
      })}
    </Card>
  );
}
