import { describe, expect, it } from 'vitest';
import type { ExposureFlag, RiskAreaLevel } from './enums.ts';
import { proposeMeasure, type MeasureFacts } from './measures.ts';

const facts = (o: Partial<MeasureFacts> = {}): MeasureFacts => ({
  riskLevel: null,
  originCode: '410100',
  daysSinceReturn: 3,
  exposures: [],
  ...o,
});

describe('proposeMeasure', () => {
  const cases: [string, Partial<MeasureFacts>, string, string[]][] = [
    ['nothing to note', {}, 'none', []],
    ['a high-risk area within 14 days', { riskLevel: 'high', daysSinceReturn: 13 }, 'home_isolation', ['high_risk_area']],
    [
      'a high-risk area on day 14 counts as a risk area only',
      { riskLevel: 'high', daysSinceReturn: 14 },
      'health_monitoring',
      ['risk_area'],
    ],
    ['a medium-risk area', { riskLevel: 'medium', daysSinceReturn: 30 }, 'health_monitoring', ['risk_area']],
    ['contact with a case', { exposures: ['case_contact'] }, 'home_isolation', ['case_contact']],
    ['symptoms on return', { exposures: ['symptoms_on_return'], daysSinceReturn: 40 }, 'home_isolation', ['symptoms_on_return']],
    ['contact with someone with fever', { exposures: ['fever_contact'] }, 'home_isolation', ['fever_contact']],
    ['a wet market', { exposures: ['wet_market'] }, 'health_monitoring', ['wet_market']],
    ['a fever clinic', { exposures: ['hospital_visit'] }, 'health_monitoring', ['hospital_visit']],
    ['Hubei within 14 days', { originCode: '420100', daysSinceReturn: 0 }, 'health_monitoring', ['hubei']],
    ['Hubei after 14 days', { originCode: '421000', daysSinceReturn: 14 }, 'none', []],
    ['a code that only starts like Hubei elsewhere is not Hubei', { originCode: '410042' }, 'none', []],
  ];
  it.each(cases)('%s', (_label, o, measure, reasons) => {
    expect(proposeMeasure(facts(o))).toEqual({ measure, reasons });
  });

  it('gives the strictest measure with every reason for it, and leaves out the milder ones', () => {
    const exposures: ExposureFlag[] = ['wet_market', 'fever_contact', 'case_contact'];
    const riskLevel: RiskAreaLevel = 'high';
    expect(proposeMeasure(facts({ riskLevel, originCode: '420600', exposures }))).toEqual({
      measure: 'home_isolation',
      reasons: ['high_risk_area', 'case_contact', 'fever_contact'],
    });
    expect(proposeMeasure(facts({ riskLevel: 'medium', originCode: '420100', exposures: ['hospital_visit'] }))).toEqual({
      measure: 'health_monitoring',
      reasons: ['risk_area', 'hospital_visit', 'hubei'],
    });
  });
});
