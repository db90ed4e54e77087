import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Empty, Flex, Input, Skeleton, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../app/errors.ts';
import { useIsPhone } from '../../../app/useIsPhone.ts';
import { useIdempotentCreate } from '../../../components/idempotency.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { MY_DUTY_KEY, useSwapOptions, type MyDuty, type CreateSwapInput, type SwapOption, type SwapRequest } from '../me.api.ts';
import { ChoiceCard } from './ChoiceCard.tsx';
import { CheckpointTitle } from './DutyFacts.tsx';
import { useDutyTime } from '../dutyTime.ts';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{title}</Typography.Text>
      {children}
    </Flex>
  );
}

function Exchange({
  option,
  value,
  onChange,
}: {
  option: SwapOption;
  value: string | null;
  onChange: (assignmentId: string | null) => void;
}) {
  const { t } = useTranslation();
  const time = useDutyTime();
  if (!option.exchangeable.length) return null;
  return (
    <Section title={t(option.canTakeOver ? 'myDuty.swap.exchange' : 'myDuty.swap.exchangeRequired')}>
      <Flex vertical gap={8} role="radiogroup">
        {option.canTakeOver ? (
          <ChoiceCard selected={value === null} onSelect={() => onChange(null)} testId="swap-exchange-none">
            {t('myDuty.swap.noExchange')}
          </ChoiceCard>
        ) : null}
        {option.exchangeable.map((shift) => (
          <ChoiceCard
            key={shift.assignmentId}
            selected={value === shift.assignmentId}
            onSelect={() => onChange(shift.assignmentId)}
            testId={`swap-exchange-${shift.assignmentId}`}
          >
            <Typography.Text strong>{shift.checkpointName}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{time.when(shift.startsAt, shift.endsAt)}</Typography.Text>
          </ChoiceCard>
        ))}
      </Flex>
    </Section>
  );
}

/** Asks a teammate to take a shift, optionally taking one of theirs back; the team leader decides. */
export function SwapSheet({ duty, onClose }: { duty: MyDuty; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const time = useDutyTime();
  const client = useQueryClient();
  const create = useIdempotentCreate();
  const report = useReportError();
  const options = useSwapOptions(duty.assignmentId);
  const [targetId, setTargetId] = useState<string | null>(null);
  const [exchange, setExchange] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const target = options.data?.items.find((o) => o.volunteerId === targetId);

  async function submit() {
    if (!target) {
      void message.warning(t('myDuty.swap.pickRequired'));
      return;
    }
    setBusy(true);
    const body: CreateSwapInput = { assignmentId: duty.assignmentId, targetVolunteerId: target.volunteerId };
    if (exchange) body.targetAssignmentId = exchange;
    if (note.trim()) body.note = note.trim();
    try {
      await create<SwapRequest>('/duty/me/swaps', body);
      await client.invalidateQueries({ queryKey: MY_DUTY_KEY });
      void message.success(t('myDuty.swap.submitted'));
      onClose();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  }

  let choices;
  if (options.isError) choices = <QueryError error={options.error} onRetry={() => void options.refetch()} />;
  else if (!options.data) choices = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (!options.data.items.length)
    choices = (
      <Empty description={t('myDuty.swap.noOptions')} data-testid="swap-no-options">
        <Typography.Text type="secondary">{t('myDuty.swap.noOptionsIntro')}</Typography.Text>
      </Empty>
    );
  else
    choices = (
      <>
        <Section title={t('myDuty.swap.pickTarget')}>
          <Flex vertical gap={8} role="radiogroup">
            {options.data.items.map((option) => (
              <ChoiceCard
                key={option.volunteerId}
                selected={option.volunteerId === targetId}
                onSelect={() => {
                  setTargetId(option.volunteerId);
                  // A teammate at a rule's limit can only exchange: one of their shifts is picked.
                  setExchange(option.canTakeOver ? null : (option.exchangeable[0]?.assignmentId ?? null));
                }}
                testId={`swap-target-${option.volunteerId}`}
              >
                <Typography.Text strong>{option.name}</Typography.Text>{' '}
                <Typography.Text type="secondary">{option.teamName}</Typography.Text>
              </ChoiceCard>
            ))}
          </Flex>
        </Section>
        {target ? <Exchange option={target} value={exchange} onChange={setExchange} /> : null}
        <Section title={t('myDuty.swap.note')}>
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={200}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('myDuty.swap.notePlaceholder')}
            data-testid="swap-note"
          />
        </Section>
      </>
    );

  const canSubmit = !!options.data?.items.length;
  return (
    <Drawer
      open
      onClose={onClose}
      title={t('myDuty.swap.title')}
      placement={phone ? 'bottom' : 'right'}
      size={phone ? '88%' : 480}
      styles={{ body: { padding: 16 } }}
      footer={
        canSubmit ? (
          <Button type="primary" size="large" block loading={busy} onClick={() => void submit()} data-testid="swap-submit">
            {t('myDuty.swap.submit')}
          </Button>
        ) : null
      }
      data-testid="swap-sheet"
    >
      <Flex vertical gap={20}>
        <Section title={t('myDuty.swap.yourShift')}>
          <Alert
            type="warning"
            title={<CheckpointTitle name={duty.checkpoint.name} kind={duty.checkpoint.kind} />}
            description={time.when(duty.startsAt, duty.endsAt)}
          />
        </Section>
        {choices}
      </Flex>
    </Drawer>
  );
}
