import type { FeatureMessages } from '../../platform/i18n.ts';

export const certificatesMessages: FeatureMessages = {
  'zh-CN': {
    CERTIFICATE_EMPTY: '该时段内没有服务记录，不能出具证明',
    CERTIFICATE_REVOKED: '该证明已作废',
    CERTIFICATE_UNKNOWN: '查无此证明，请核对证明上的编号',
    'field.certificate.code': '证明编号应为 16 位数字或大写字母',
    'field.certificate.future': '日期不能晚于今天',
    'field.certificate.toBeforeFrom': '结束日期不能早于开始日期',
  },
  en: {
    CERTIFICATE_EMPTY: 'There are no service entries in this period, so no certificate can be issued',
    CERTIFICATE_REVOKED: 'This certificate has been revoked',
    CERTIFICATE_UNKNOWN: 'No certificate has this code; check the code printed on the certificate',
    'field.certificate.code': 'A certificate code is 16 digits or capital letters',
    'field.certificate.future': 'The date must not be after today',
    'field.certificate.toBeforeFrom': 'The end date cannot be before the start date',
  },
};
