import { StarFilled } from '@ant-design/icons';
import { Flex, Rate, Tag, Tooltip, Typography } from 'antd';
import { INSPECTION_RATINGS, type InspectionGroupKind, type InspectionMark } from '../../../common/enums.ts';
import { INSPECTION_GROUP_KIND_LABELS, INSPECTION_MARK_LABELS, INSPECTION_RATING_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import type { Ratings } from './inspections.api.ts';

/** Discipline groups in red, as the 纪检监察 seal is; liaison groups in blue. */
const KIND_COLORS: Record<InspectionGroupKind, string> = { liaison: 'blue', discipline: 'volcano' };

export function GroupKindTag({ kind }: { kind: InspectionGroupKind }) {
  const language = useLanguage();
  return (
    <Tag color={KIND_COLORS[kind]} style={{ marginInlineEnd: 0 }}>
      {INSPECTION_GROUP_KIND_LABELS[kind][language]}
    </Tag>
  );
}

export function MarkTag({ mark, testId }: { mark: InspectionMark; testId?: string }) {
  const language = useLanguage();
  return (
    <Tag color={mark === 'present' ? 'green' : 'red'} data-testid={testId} data-mark={mark} style={{ marginInlineEnd: 0 }}>
      {INSPECTION_MARK_LABELS[mark][language]}
    </Tag>
  );
}

/** The four ratings of a visit, read-only, one per line. */
export function RatingsView({ ratings, testId }: { ratings: Ratings; testId: string }) {
  const language = useLanguage();
  return (
    <Flex vertical gap={2} data-testid={testId}>
      {INSPECTION_RATINGS.map((key) => (
        <Flex key={key} align="center" gap={8}>
          <Typography.Text type="secondary" style={{ minWidth: 72 }}>
            {INSPECTION_RATING_LABELS[key][language]}
          </Typography.Text>
          <Rate disabled value={ratings[key]} style={{ fontSize: 14 }} data-testid={`${testId}-${key}`} />
        </Flex>
      ))}
    </Flex>
  );
}

/** A table cell: the mean of the four ratings, the four themselves on hover. */
export function RatingsAverage({ ratings, testId }: { ratings: Ratings; testId: string }) {
  const mean = INSPECTION_RATINGS.reduce((sum, key) => sum + ratings[key], 0) / INSPECTION_RATINGS.length;
  return (
    <Tooltip title={<RatingsView ratings={ratings} testId={`${testId}-detail`} />} color="#fff">
      <span style={{ whiteSpace: 'nowrap', cursor: 'help' }} data-testid={testId}>
        <StarFilled style={{ color: '#fadb14', marginInlineEnd: 4 }} />
        {mean.toFixed(1)}
      </span>
    </Tooltip>
  );
}
