/**
 * What the rules propose for a returnee (返乡人员): home isolation, health monitoring or nothing,
 * with the reasons that led there. Shared by the server (which stores the proposal) and the
 * registration form (which shows it live as staff fill it in). Staff confirm or choose another.
 */
import type { ExposureFlag, Measure, RiskAreaLevel } from './enums.ts';

/** Days after return during which an origin still counts (DESIGN.md §6: a 14-day plan). */
export const MEASURE_WINDOW_DAYS = 14;

/** 湖北省: returnees from there were watched whatever the risk-area list said (the seed report). */
export const HUBEI_PROVINCE = '42';

export const MEASURE_REASONS = [
  'high_risk_area',
  'case_contact',
  'symptoms_on_return',
  'fever_contact',
  'risk_area',
  'wet_market',
  'hospital_visit',
  'hubei',
] as const;
export type MeasureReason = (typeof MEASURE_REASONS)[number];

export interface MeasureFacts {
  /** The level of the risk area the origin fell in on the return date, if any. */
  riskLevel: RiskAreaLevel | null;
  /** GB/T 2260 code of where they came from. */
  originCode: string;
  /** Days from the return date to the day of registration (0: came back that day). */
  daysSinceReturn: number;
  exposures: readonly ExposureFlag[];
}

export interface Proposal {
  measure: Measure;
  /** The rules that gave this measure, in table order (empty for `none`). */
  reasons: MeasureReason[];
}

const recent = (f: MeasureFacts) => f.daysSinceReturn < MEASURE_WINDOW_DAYS;
const exposed = (flag: ExposureFlag) => (f: MeasureFacts) => f.exposures.includes(flag);

/**
 * One row per reason. A high-risk origin counts as a risk area too: past the 14 days it still
 * asks for health monitoring, as a medium-risk one does.
 */
const RULES: readonly { reason: MeasureReason; measure: Exclude<Measure, 'none'>; applies: (f: MeasureFacts) => boolean }[] = [
  { reason: 'high_risk_area', measure: 'home_isolation', applies: (f) => f.riskLevel === 'high' && recent(f) },
  { reason: 'case_contact', measure: 'home_isolation', applies: exposed('case_contact') },
  { reason: 'symptoms_on_return', measure: 'home_isolation', applies: exposed('symptoms_on_return') },
  { reason: 'fever_contact', measure: 'home_isolation', applies: exposed('fever_contact') },
  { reason: 'risk_area', measure: 'health_monitoring', applies: (f) => f.riskLevel !== null },
  { reason: 'wet_market', measure: 'health_monitoring', applies: exposed('wet_market') },
  { reason: 'hospital_visit', measure: 'health_monitoring', applies: exposed('hospital_visit') },
  { reason: 'hubei', measure: 'health_monitoring', applies: (f) => f.originCode.startsWith(HUBEI_PROVINCE) && recent(f) },
];

/** The strictest measure any rule gives, and every reason for it. */
export function proposeMeasure(facts: MeasureFacts): Proposal {
  const hits = RULES.filter((r) => r.applies(facts));
  const strictest = hits.some((r) => r.measure === 'home_isolation')
    ? 'home_isolation'
    : hits.length
      ? 'health_monitoring'
      : 'none';
  return { measure: strictest, reasons: hits.filter((r) => r.measure === strictest).map((r) => r.reason) };
}

/** How each reason reads to staff beside the proposal. */
export const MEASURE_REASON_LABELS: Record<MeasureReason, { 'zh-CN': string; en: string }> = {
  high_risk_area: { 'zh-CN': '14 天内来自高风险地区', en: 'From a high-risk area within 14 days' },
  case_contact: { 'zh-CN': '接触过确诊或疑似病例', en: 'Contact with a confirmed or suspected case' },
  symptoms_on_return: { 'zh-CN': '返回时有症状', en: 'Symptoms on return' },
  fever_contact: { 'zh-CN': '接触过发热病人', en: 'Contact with someone with fever' },
  risk_area: { 'zh-CN': '来自风险地区', en: 'From a risk area' },
  wet_market: { 'zh-CN': '去过农贸（海鲜）市场', en: 'Visited a wet market' },
  hospital_visit: { 'zh-CN': '去过医院发热门诊', en: 'Visited a fever clinic' },
  hubei: { 'zh-CN': '14 天内来自湖北', en: 'From Hubei within 14 days' },
};
