import type { FeatureMessages } from '../../platform/i18n.ts';

export const dailyReportMessages: FeatureMessages = {
  'zh-CN': {
    'field.reports.dayInFuture': '不能生成今天以后的日报',
    'field.reports.noFigures': '该日没有保存统计数据，无法生成日报',
    'field.reports.toBeforeFrom': '结束日期不能早于开始日期',
  },
  en: {
    'field.reports.dayInFuture': 'A report can only be made for today or an earlier day',
    'field.reports.noFigures': 'No figures were kept for that day, so no report can be made',
    'field.reports.toBeforeFrom': 'The end date cannot be before the start date',
  },
};
