import type { FeatureMessages } from '../../platform/i18n.ts';

/** Also the messages close contacts share (QUARANTINE_PERSON_*, field.quarantinePerson.*). */
export const returneesMessages: FeatureMessages = {
  'zh-CN': {
    QUARANTINE_PERSON_ANONYMISED: '该人员信息已过保存期限并匿名，不能再修改或查看',
    'field.quarantinePerson.regionLevel': '请选择社区或网格',
    'field.quarantinePerson.household': '找不到该户，请从本辖区的户籍档案中选择',
    'field.quarantinePerson.toBeforeFrom': '结束日期不能早于开始日期',
    'field.returnee.tripRequired': '乘火车、飞机、长途客车或轮船返回的，请填写车次、航班或班次',
    'field.returnee.tripRail': '车次格式不正确（如 G72、K1156、D3021）',
    'field.returnee.tripAir': '航班号格式不正确（如 CA1234、MU5101）',
    'field.returnee.returnedFuture': '返回日期不能晚于今天',
    'field.returnee.returnedOld': '只登记 {days} 天以内返回的人员',
    'field.returnee.measureReason': '所选措施与建议不同，请填写原因',
    'field.returnee.followUp': '找不到该跟进任务',
  },
  en: {
    QUARANTINE_PERSON_ANONYMISED:
      'This person’s record is past its retention period and anonymised: it can no longer be changed or revealed',
    'field.quarantinePerson.regionLevel': 'Choose a community or a grid',
    'field.quarantinePerson.household': 'Household not found: choose one registered in your area',
    'field.quarantinePerson.toBeforeFrom': 'The end date cannot be before the start date',
    'field.returnee.tripRequired': 'Enter the train, flight or coach number for a return by rail, air, coach or ship',
    'field.returnee.tripRail': 'Not a train number (e.g. G72, K1156, D3021)',
    'field.returnee.tripAir': 'Not a flight number (e.g. CA1234, MU5101)',
    'field.returnee.returnedFuture': 'The return date cannot be after today',
    'field.returnee.returnedOld': 'Only returns within the last {days} days are registered',
    'field.returnee.measureReason': 'The measure differs from the proposal: give the reason',
    'field.returnee.followUp': 'Follow-up task not found',
  },
};
