import type { FeatureMessages } from '../../platform/i18n.ts';

export const pledgesMessages: FeatureMessages = {
  'zh-CN': {
    PLEDGE_DUPLICATE: '该身份证号已提交过请战书（或已登记为志愿者），无需重复提交；请凭提交时获得的查询链接查看审核进度',
    PLEDGE_DECIDED: '该请战书已批准，审核结果不能再更改',
    QUOTA_FULL: '名额已满：{name}（上限 {quota} 人）',
    'field.pledge.region': '所选区划不存在',
    'field.pledge.regionLevel': '请选择所在的社区（村）或网格',
    'field.pledge.unit': '所选派出单位不存在；如单位不在列表中，请填写单位名称',
    'field.pledge.reasonRequired': '不予通过时须填写理由',
    'field.pledge.quotaTarget': '单位和区划须且只能选择其中一个',
    'field.pledge.token': '查询码格式不正确',
  },
  en: {
    PLEDGE_DUPLICATE:
      'A pledge with this ID number has already been submitted (or the person is already a volunteer); use the status link you were given to follow it',
    PLEDGE_DECIDED: 'This pledge has been approved; the decision can no longer change',
    QUOTA_FULL: 'Quota full: {name} (at most {quota})',
    'field.pledge.region': 'No such region',
    'field.pledge.regionLevel': 'Choose your community (village) or grid',
    'field.pledge.unit': 'No such work unit; if yours is not listed, type its name instead',
    'field.pledge.reasonRequired': 'A reason is required to reject',
    'field.pledge.quotaTarget': 'Give exactly one of a unit and a region',
    'field.pledge.token': 'Malformed status code',
  },
};
