import type { FeatureMessages } from '../../platform/i18n.ts';

export const riskAreasMessages: FeatureMessages = {
  'zh-CN': {
    RISK_AREA_OVERLAP: '{name} 已有一段风险地区时段（{startsOn} 至 {endsOn}）与此重叠，请修改那一段',
    'field.division.code': '应为 6 位行政区划代码（如 420102）',
    'field.division.unknown': '不是已知的省、市、县级行政区划代码',
    'field.riskArea.endsBeforeStart': '结束日期不能早于开始日期',
  },
  en: {
    RISK_AREA_OVERLAP:
      '{name} is already listed for a period ({startsOn} to {endsOn}) overlapping this one; change that period instead',
    'field.division.code': 'A 6-digit division code (e.g. 420102)',
    'field.division.unknown': 'Not a known province, city or county code',
    'field.riskArea.endsBeforeStart': 'The end date cannot be before the start date',
  },
};
