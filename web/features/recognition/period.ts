import { today } from '../volunteers/VolunteerDialogs.tsx';

/**
 * Where "all" starts: the first cases were reported in January 2020, and no service entry of the
 * campaign can be older. The server needs both ends of a ranking's period.
 */
export const CAMPAIGN_START = '2020-01-01';

export const PERIOD_PRESETS = ['days7', 'days30', 'month', 'all'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface Period {
  from: string;
  to: string;
}

/** The days a preset stands for, ending today in the platform's calendar (both ends included). */
export function periodOf(preset: PeriodPreset): Period {
  const end = today();
  const to = end.format('YYYY-MM-DD');
  switch (preset) {
    case 'days7':
      return { from: end.subtract(6, 'day').format('YYYY-MM-DD'), to };
    case 'days30':
      return { from: end.subtract(29, 'day').format('YYYY-MM-DD'), to };
    case 'month':
      return { from: end.startOf('month').format('YYYY-MM-DD'), to };
    case 'all':
      return { from: CAMPAIGN_START, to };
  }
}

/** The preset a period equals, if any: a custom range that happens to match one shows it picked. */
export function presetOf(period: Period): PeriodPreset | null {
  return (
    PERIOD_PRESETS.find((p) => {
      const candidate = periodOf(p);
      return candidate.from === period.from && candidate.to === period.to;
    }) ?? null
  );
}
