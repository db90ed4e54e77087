import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api.ts';
import { conflictOf, submitEntry } from '../../../field/sync/outbox.ts';
import { MY_DUTY_KEY, type AttendanceInput, type CheckInPageData, type MyDuty } from '../me.api.ts';
import { currentPosition } from './position.ts';

export type AttendAction = 'check-in' | 'check-out';

export interface Attended {
  action: AttendAction;
  /** The server's answer; null while the act waits on the phone to be sent (no network). */
  duty: MyDuty | null;
  located: boolean;
  /** When it was pressed: the time the server records, however late it arrives. */
  madeAt: string;
}

/**
 * The shift as it will be once an act still on the phone arrives, so the page offers check-out
 * after an offline check-in rather than the same button again. What the server says wins as soon
 * as it says it.
 */
export function assumeAttended(duty: MyDuty, attended: Attended | null): MyDuty {
  if (!attended || attended.duty) return duty;
  if (attended.action === 'check-in' && !duty.checkedInAt)
    return { ...duty, checkedInAt: attended.madeAt, canCheckIn: false, canCheckOut: true, attendance: 'on_duty' };
  if (attended.action === 'check-out' && !duty.checkedOutAt)
    return { ...duty, checkedOutAt: attended.madeAt, canCheckIn: false, canCheckOut: false, attendance: 'done' };
  return duty;
}

/**
 * Check-in and check-out from the checkpoint's page, through the field app's outbox: the act is
 * recorded with the time it was pressed, sent now or, without network, as soon as there is one
 * (the server then finds the shift from the code and that time). A double tap is one press.
 */
export function useAttend(code: string) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const pressed = useRef(false);
  const [phase, setPhase] = useState<'idle' | 'locating' | 'sending'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Attended | null>(null);

  async function attend(action: AttendAction): Promise<void> {
    if (pressed.current) return;
    pressed.current = true;
    setError(null);
    try {
      setPhase('locating');
      const position = await currentPosition();
      const body: AttendanceInput = { code, ...position };
      setPhase('sending');
      const madeAt = new Date().toISOString();
      const out = action === 'check-out';
      const sent = await submitEntry<MyDuty>({
        kind: out ? 'checkOut' : 'checkIn',
        method: 'POST',
        url: `/api/v1/duty/${action}`,
        body: { ...body },
        madeAtField: 'at',
        summary: t(out ? 'myDuty.checkIn.checkOut' : 'myDuty.checkIn.checkIn'),
      });
      // Kept by the server but flagged (the shift was reassigned meanwhile): the leader settles it.
      const conflict = sent.sent ? conflictOf(sent.data) : null;
      if (conflict) {
        setError(`${t('sync.flagged')}：${conflict.reason}`);
        void client.invalidateQueries({ queryKey: MY_DUTY_KEY });
        return;
      }
      const duty = sent.sent ? sent.data : null;
      setResult({ action, duty, located: body.lat !== undefined, madeAt });
      if (duty) {
        // The answer is the new state: no window where the old page offers the same button again.
        client.setQueryData<CheckInPageData>([...MY_DUTY_KEY, 'check-in', code], (page) => (page ? { ...page, duty } : page));
        void client.invalidateQueries({ queryKey: MY_DUTY_KEY });
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      if (e instanceof ApiError) void client.invalidateQueries({ queryKey: MY_DUTY_KEY });
    } finally {
      pressed.current = false;
      setPhase('idle');
    }
  }

  return { attend, phase, error, result };
}
