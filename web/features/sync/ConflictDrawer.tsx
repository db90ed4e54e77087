import { Button, Descriptions, Drawer, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/dates.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { ConflictEntry, ConflictKindTag, ConflictState, shiftText, useLateness } from './ConflictParts.tsx';
import type { Conflict } from './sync.api.ts';

/** One conflict in full: why, who, where, the two times, what was sent, and its resolution. */
export function ConflictDrawer({
  conflict: c,
  onClose,
  onResolve,
}: {
  conflict: Conflict | null;
  onClose: () => void;
  onResolve: (c: Conflict) => void;
}) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const me = useMe().data;
  const lateness = useLateness();

  const items = c
    ? [
        { key: 'reason', label: t('conflicts.reason'), children: c.reason },
        { key: 'region', label: t('conflicts.region'), children: c.region.name },
        ...(c.volunteer
          ? [
              {
                key: 'volunteer',
                label: t('conflicts.volunteer'),
                children: can(me, 'volunteers.read') ? (
                  <Link to={`/volunteers/${c.volunteer.id}`}>{c.volunteer.name}</Link>
                ) : (
                  c.volunteer.name
                ),
              },
            ]
          : []),
        ...(c.checkpoint ? [{ key: 'checkpoint', label: t('conflicts.checkpoint'), children: c.checkpoint.name }] : []),
        ...(c.shift ? [{ key: 'shift', label: t('conflicts.shiftLabel'), children: fmtShift(c.shift) }] : []),
        ...(c.case
          ? [
              {
                key: 'case',
                label: t('conflicts.case'),
                children: (
                  <Space>
                    {c.case.personName}
                    {can(me, 'quarantine.read') ? (
                      <Link to={`/quarantine/cases/${c.case.id}`} data-testid="conflict-drawer-case">
                        {c.case.ref}
                      </Link>
                    ) : (
                      <Typography.Text type="secondary">{c.case.ref}</Typography.Text>
                    )}
                  </Space>
                ),
              },
            ]
          : []),
        ...(c.madeBy && !c.volunteer ? [{ key: 'who', label: t('conflicts.who'), children: c.madeBy.name }] : []),
        { key: 'made', label: t('conflicts.madeAt'), children: formatDateTime(c.madeAt) },
        {
          key: 'received',
          label: t('conflicts.receivedAt'),
          children: (
            <span>
              {formatDateTime(c.receivedAt)} <Typography.Text type="secondary">（{lateness(c)}）</Typography.Text>
            </span>
          ),
        },
        { key: 'entry', label: t('conflicts.entry'), children: <ConflictEntry conflict={c} /> },
        {
          key: 'status',
          label: t('conflicts.resolution'),
          children: <ConflictState conflict={c} testId="conflict-drawer-status" />,
        },
      ]
    : [];

  return (
    <Drawer
      open={c !== null}
      onClose={onClose}
      size={phone ? '100%' : 560}
      title={c ? <ConflictKindTag kind={c.kind} /> : t('conflicts.detailsTitle')}
      footer={
        c?.status === 'open' ? (
          <Button type="primary" onClick={() => onResolve(c)} data-testid="conflict-drawer-resolve">
            {t('conflicts.resolve')}
          </Button>
        ) : null
      }
      data-testid="conflict-drawer"
    >
      {c ? <Descriptions column={1} size="small" items={items} data-testid={`conflict-detail-${c.id}`} /> : null}
    </Drawer>
  );
}

function fmtShift(shift: NonNullable<Conflict['shift']>): string {
  const { from, to } = shiftText(shift);
  return `${from}–${to}`;
}
