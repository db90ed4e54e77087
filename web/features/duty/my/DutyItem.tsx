import { Card, Flex } from 'antd';
import type { MyDuty } from '../me.api.ts';
import { CheckpointTitle, DutyFacts } from './DutyFacts.tsx';
import { SwapAction } from './SwapAction.tsx';

/** One shift in the list; a finished one is greyed, its hours still readable. */
export function DutyItem({ duty, past, onSwap }: { duty: MyDuty; past: boolean; onSwap: (duty: MyDuty) => void }) {
  const testId = `my-duty-item-${duty.assignmentId}`;
  return (
    <Card
      size="small"
      style={past ? { background: '#fafafa', opacity: 0.75 } : undefined}
      styles={{ body: { padding: 12 } }}
      data-testid={testId}
      data-past={past}
    >
      <Flex vertical gap={8}>
        <CheckpointTitle name={duty.checkpoint.name} kind={duty.checkpoint.kind} />
        <DutyFacts duty={duty} testId={testId} />
        {past ? null : <SwapAction duty={duty} onSwap={onSwap} />}
      </Flex>
    </Card>
  );
}
