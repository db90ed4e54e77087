import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError } from '../../../app/api.ts';
import { useIdempotentCreate } from '../../../components/idempotency.ts';
import { MY_DUTY_KEY, type AttendanceInput, type CheckInPageData, type MyDuty } from '../me.api.ts';
import { currentPosition } from './position.ts';

export type AttendAction = 'check-in' | 'check-out';

export interface Attended {
  action: AttendAction;
  duty: MyDuty;
  located: boolean;
}

/** No answer came back: the act may have been recorded, so trying again must be the same request. */
function unanswered(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500 || error.code === 'IDEMPOTENCY_IN_FLIGHT';
}

/**
 * Check-in and check-out from the checkpoint's page. One press is one intent: its position is read
 * once and its body (hence its Idempotency-Key) is kept until the server answers, so a double tap
 * or a retry after a dropped connection records the act once.
 */
export function useAttend(code: string) {
  const client = useQueryClient();
  const create = useIdempotentCreate();
  const intent = useRef<{ action: AttendAction; body: AttendanceInput } | null>(null);
  const pressed = useRef(false);
  const [phase, setPhase] = useState<'idle' | 'locating' | 'sending'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Attended | null>(null);

  async function attend(action: AttendAction): Promise<void> {
    if (pressed.current) return;
    pressed.current = true;
    setError(null);
    try {
      if (intent.current?.action !== action) {
        setPhase('locating');
        const position = await currentPosition();
        intent.current = { action, body: { code, ...position } };
      }
      setPhase('sending');
      const { body } = intent.current;
      const duty = await create<MyDuty>(`/duty/${action}`, body);
      intent.current = null;
      setResult({ action, duty, located: body.lat !== undefined });
      // The answer is the new state: no window where the old page offers the same button again.
      client.setQueryData<CheckInPageData>([...MY_DUTY_KEY, 'check-in', code], (page) => (page ? { ...page, duty } : page));
      void client.invalidateQueries({ queryKey: MY_DUTY_KEY });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      if (!unanswered(e)) {
        intent.current = null;
        void client.invalidateQueries({ queryKey: MY_DUTY_KEY });
      }
    } finally {
      pressed.current = false;
      setPhase('idle');
    }
  }

  return { attend, phase, error, result };
}
