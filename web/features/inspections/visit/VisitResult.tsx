import { ExclamationCircleOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withQuery } from '../../../app/api.ts';
import type { Inspection } from '../inspections.api.ts';

/** The recorded visit in three numbers, and the two things an inspector does next. */
export function VisitResult({ visit }: { visit: Inspection }) {
  const { t } = useTranslation();
  const numbers = [
    { key: 'expected', value: visit.expected, color: undefined },
    { key: 'present', value: visit.present, color: '#389e0d' },
    { key: 'absent', value: visit.absent, color: visit.absent ? '#cf1322' : undefined },
  ] as const;
  return (
    <Card styles={{ body: { padding: 16 } }} data-testid="visit-result" data-inspection={visit.id}>
      <Result
        status={visit.absent ? 'warning' : 'success'}
        title={t('inspections.visit.recorded')}
        subTitle={
          visit.absent
            ? t('inspections.visit.recordedAbsent', { count: visit.absent })
            : t('inspections.visit.recordedAllPresent')
        }
        style={{ padding: '8px 0 16px' }}
      />
      <Flex gap={12} style={{ marginBottom: 16 }}>
        {numbers.map((n) => (
          <Card key={n.key} size="small" style={{ flex: 1, textAlign: 'center' }}>
            <Statistic
              title={t(`inspections.visit.count.${n.key}`)}
              value={n.value}
              styles={n.color ? { content: { color: n.color } } : undefined}
              data-testid={`visit-result-${n.key}`}
            />
          </Card>
        ))}
      </Flex>
      <Flex vertical gap={8}>
        <Link to={withQuery('/field-issues/new', { checkpointId: visit.checkpointId, inspectionId: visit.id })} reloadDocument>
          <Button block size="large" type="primary" icon={<ExclamationCircleOutlined />} data-testid="visit-raise-issue">
            {t('inspections.visit.raiseIssue')}
          </Button>
        </Link>
        <Link to="/inspect">
          <Button block size="large" icon={<UnorderedListOutlined />} data-testid="visit-back-to-round">
            {t('inspections.visit.backToRound')}
          </Button>
        </Link>
      </Flex>
    </Card>
  );
}
