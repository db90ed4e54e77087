import type { FeatureMessages } from '../../platform/i18n.ts';

export const errandOrdersMessages: FeatureMessages = {
  'zh-CN': {
    ORDER_STATUS: '该代办单当前状态（{status}）不能进行此操作',
    ORDER_MOVED: '该代办单刚被他人处理，请刷新后再试',
  },
  en: {
    ORDER_STATUS: 'This errand order cannot do that in its current status ({status})',
    ORDER_MOVED: 'Someone else just acted on this errand order; refresh and try again',
  },
};
