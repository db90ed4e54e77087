import { Badge, Button, Empty, Flex, Result, Typography, App } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ErrandCard } from './ErrandCard.tsx';
import { AssignModal, DeliverModal, ReasonModal } from './ErrandDialogs.tsx';
import { keptOffline, useErrandAct, useMyErrands, type Card, type ErrandAct, type MyErrands } from './myErrands.api.ts';

type Dialog =
  | { kind: 'release' | 'cancel' | 'deliver'; card: Card }
  | { kind: 'assign'; card: Card; crew: MyErrands['posts'][number]['crew'] };

/**
 * 我的代办: the volunteer's phone page. New orders of their posts arrive live (the events
 * stream); they claim one (the first claim wins), buy, go, and mark it delivered with a photo or a
 * note. A post's leader also sees who holds what, assigns, hands over and cancels.
 */
export function MyErrandsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const page = useMyErrands();
  const send = useErrandAct();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const data = page.data;

  const run = (card: Card, a: ErrandAct, done: string) =>
    send.mutate(
      { id: card.id, ...a, summary: `${card.ref} · ${actLabel(a)}` },
      {
        onSuccess: (r) => void (keptOffline(r) ? message.info(t('sync.keptOffline')) : message.success(done)),
        onError: (e) =>
          e instanceof ApiError && e.status === 409 && a.act === 'claim'
            ? void message.warning(t('myErrands.claimLost'))
            : report(e),
      },
    );

  /** What the outbox's list says the act was (no personal data: the order's number and the act). */
  const actLabel = (a: ErrandAct) => {
    if (a.act === 'step') return t(a.body.to === 'purchasing' ? 'myErrands.startPurchase' : 'myErrands.startDelivery');
    return a.act === 'claim' ? t('myErrands.claim') : t('myErrands.deliver');
  };

  const crewOf = (card: Card) => data?.posts.find((p) => p.leads && p.id === card.post?.id)?.crew ?? null;

  const leaderActs = (card: Card, assignLabel: string): ReactNode[] => {
    const crew = crewOf(card);
    if (!crew) return [];
    return [
      <Button key="cancel" danger onClick={() => setDialog({ kind: 'cancel', card })} data-testid="errand-cancel-open">
        {t('myErrands.cancel')}
      </Button>,
      <Button key="assign" onClick={() => setDialog({ kind: 'assign', card, crew })} data-testid="errand-assign-open">
        {assignLabel}
      </Button>,
    ];
  };

  const carrierActs = (card: Card): ReactNode[] => {
    const step = (to: 'purchasing' | 'delivering', label: string, primary: boolean) => (
      <Button
        key={to}
        type={primary ? 'primary' : 'default'}
        loading={send.isPending && send.variables?.id === card.id}
        onClick={() => run(card, { act: 'step', body: { to } }, t('myErrands.stepDone'))}
        data-testid={`errand-${to}`}
      >
        {label}
      </Button>
    );
    switch (card.status) {
      case 'claimed':
        return [
          <Button key="release" onClick={() => setDialog({ kind: 'release', card })} data-testid="errand-release-open">
            {t('myErrands.release')}
          </Button>,
          step('delivering', t('myErrands.startDelivery'), false),
          step('purchasing', t('myErrands.startPurchase'), true),
        ];
      case 'purchasing':
        return [step('delivering', t('myErrands.startDelivery'), true)];
      case 'delivering':
        return [
          <Button
            key="deliver"
            type="primary"
            onClick={() => setDialog({ kind: 'deliver', card })}
            data-testid="errand-deliver-open"
          >
            {t('myErrands.deliver')}
          </Button>,
        ];
      case 'new':
      case 'delivered':
      case 'confirmed':
      case 'cancelled':
        return [];
    }
  };

  const section = (title: string, cards: Card[], acts: (c: Card) => ReactNode[], empty?: string) => (
    <>
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {title} <Badge count={cards.length} showZero color={cards.length ? '#cf1322' : '#bfbfbf'} />
      </Typography.Title>
      {cards.length === 0 && empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> : null}
      <Flex vertical gap={12}>
        {cards.map((c) => (
          <ErrandCard key={c.id} card={c} actions={acts(c)} />
        ))}
      </Flex>
    </>
  );

  return (
    <div style={{ maxWidth: 640 }}>
      <PageHeader
        title={t('myErrands.title')}
        extra={data?.posts.length ? <Badge status="processing" text={t('myErrands.live')} /> : null}
      />
      {page.isError ? <QueryError error={page.error} onRetry={() => void page.refetch()} /> : null}
      {data && !data.volunteer ? (
        <Result status="info" title={t('myErrands.noVolunteer')} subTitle={t('myErrands.noVolunteerIntro')} />
      ) : null}
      {data?.volunteer && data.posts.length === 0 ? (
        <Result status="info" title={t('myErrands.noPost')} subTitle={t('myErrands.noPostIntro')} />
      ) : null}
      {data?.volunteer && data.posts.length > 0 ? (
        <>
          <Typography.Text type="secondary">
            {t('myErrands.posts', {
              posts: data.posts.map((p) => `${p.name}${p.leads ? t('myErrands.leader') : ''}`).join(t('myErrands.listSeparator')),
            })}
          </Typography.Text>
          {section(
            t('myErrands.available'),
            data.available,
            (c) => [
              ...leaderActs(c, t('myErrands.assign')),
              <Button
                key="claim"
                type="primary"
                loading={send.isPending && send.variables?.id === c.id}
                onClick={() => run(c, { act: 'claim' }, t('myErrands.claimed'))}
                data-testid="errand-claim"
              >
                {t('myErrands.claim')}
              </Button>,
            ],
            t('myErrands.noneAvailable'),
          )}
          {section(t('myErrands.mine'), data.mine, carrierActs, t('myErrands.noneMine'))}
          {data.team.length ? section(t('myErrands.team'), data.team, (c) => leaderActs(c, t('myErrands.reassign'))) : null}
          {data.delivered.length ? section(t('myErrands.delivered'), data.delivered, () => []) : null}
        </>
      ) : null}
      {dialog?.kind === 'release' || dialog?.kind === 'cancel' ? (
        <ReasonModal card={dialog.card} act={dialog.kind} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'deliver' ? <DeliverModal card={dialog.card} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'assign' ? <AssignModal card={dialog.card} crew={dialog.crew} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
