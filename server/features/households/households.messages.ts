import type { FeatureMessages } from '../../platform/i18n.ts';

export const householdsMessages: FeatureMessages = {
  'zh-CN': {
    HOUSEHOLD_ADDRESS_TAKEN: '该网格中已有这个地址的住户',
    HOUSEHOLD_IN_USE: '该户已有入户排查或返乡登记记录，不能删除',
    RESIDENT_DUPLICATE: '该身份证号已是这一户的成员',
    'field.household.addressTaken': '该网格中已有这个地址的住户',
    'field.household.regionLevel': '住户所在区划应为网格或社区（村）',
    'field.household.regionCode': '区划代码 {code} 不存在或不在你的管辖范围内',
    'field.household.housing': '请填写：{allowed}',
    'field.household.relation': '请填写：{allowed}',
    'field.household.memberTwice': '与第 {row} 名成员的身份证号相同',
    'field.household.differs': '与同一户第 {row} 行填写的不一致',
    'field.household.masked': '这是脱敏后的号码，系统中没有可对应的原号码；请填写完整号码或留空',
    'import.household.noHeader': '第一行应为表头，至少包含：{headings}（请使用导入模板）',
  },
  en: {
    HOUSEHOLD_ADDRESS_TAKEN: 'A household with this address is already filed in this grid',
    HOUSEHOLD_IN_USE: 'This household has screening visits or returnee records and cannot be removed',
    RESIDENT_DUPLICATE: 'This ID number is already a member of this household',
    'field.household.addressTaken': 'A household with this address is already filed in this grid',
    'field.household.regionLevel': 'A household is filed in a grid or a community',
    'field.household.regionCode': 'Region code {code} does not exist or is outside your area',
    'field.household.housing': 'Enter one of: {allowed}',
    'field.household.relation': 'Enter one of: {allowed}',
    'field.household.memberTwice': 'Same ID number as member {row}',
    'field.household.differs': 'Differs from row {row} of the same household',
    'field.household.masked': 'This is a masked number with no stored original to keep; enter the full number or leave it blank',
    'import.household.noHeader': 'The first row must be the header with at least: {headings} (use the import template)',
  },
};
