import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PledgeStatus } from '../../../common/enums.ts';
import { PLEDGE_STATUS_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import type { Pledge } from './pledges.api.ts';

const STATUS_COLORS: Record<PledgeStatus, string> = {
  pending: 'blue',
  approved: 'green',
  rejected: 'default',
  waitlisted: 'gold',
};

export function PledgeStatusTag({ status }: { status: PledgeStatus }) {
  const language = useLanguage();
  return <Tag color={STATUS_COLORS[status]}>{PLEDGE_STATUS_LABELS[status][language]}</Tag>;
}

export const hasHealthRisk = (p: Pick<Pledge, 'healthFever' | 'healthRiskContact'>) => p.healthFever || p.healthRiskContact;

/** A declared fever or risk contact stands out in red; a clean declaration stays quiet. */
export function HealthFlags({ pledge, detailed }: { pledge: Pledge; detailed?: boolean }) {
  const { t } = useTranslation();
  if (!hasHealthRisk(pledge))
    return detailed ? <Tag color="green">{t('pledges.healthClear')}</Tag> : <span style={{ color: '#8c8c8c' }}>—</span>;
  return (
    <Flex wrap gap={4} data-testid={`pledge-health-${pledge.id}`}>
      {pledge.healthFever ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t('pledges.healthFever')}
        </Tag>
      ) : null}
      {pledge.healthRiskContact ? (
        <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
          {t('pledges.healthRiskContact')}
        </Tag>
      ) : null}
    </Flex>
  );
}
