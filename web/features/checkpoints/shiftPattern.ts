import type { ShiftSlot } from './checkpoints.api.ts';

export type PresetKey = 'preset3x8' | 'preset2x12' | 'presetDay';

/** The patterns most checkpoints use; `day` also sets the opening hours to the shift. */
export const PRESETS: Record<
  PresetKey,
  { slots: { start: string; end: string }[]; hours?: { opensAt: string; closesAt: string } }
> = {
  preset3x8: {
    slots: [
      { start: '08:00', end: '16:00' },
      { start: '16:00', end: '00:00' },
      { start: '00:00', end: '08:00' },
    ],
  },
  preset2x12: {
    slots: [
      { start: '08:00', end: '20:00' },
      { start: '20:00', end: '08:00' },
    ],
  },
  presetDay: { slots: [{ start: '08:00', end: '20:00' }], hours: { opensAt: '08:00', closesAt: '20:00' } },
};

/** A slot whose end is not after its start runs into the next day (equal: a full 24 h). */
export function endsNextDay(slot: Pick<ShiftSlot, 'start' | 'end'>): boolean {
  return slot.end <= slot.start;
}

export function peoplePerDay(pattern: Pick<ShiftSlot, 'people'>[]): number {
  return pattern.reduce((sum, slot) => sum + (slot.people || 0), 0);
}

/** `3班 × 2人` when every slot needs the same number, else the day's total. */
export function shiftSummary(pattern: ShiftSlot[]): { slots: number; people: number | null; total: number } {
  const first = pattern[0]?.people ?? 0;
  const uniform = pattern.every((slot) => slot.people === first);
  return { slots: pattern.length, people: uniform ? first : null, total: peoplePerDay(pattern) };
}

export function slotText(slot: ShiftSlot, nextDay: string): string {
  return `${slot.start}–${slot.end}${endsNextDay(slot) ? `（${nextDay}）` : ''} × ${slot.people}`;
}
