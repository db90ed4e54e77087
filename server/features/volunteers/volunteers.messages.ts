import type { FeatureMessages } from '../../platform/i18n.ts';

export const volunteersMessages: FeatureMessages = {
  'zh-CN': {
    VOLUNTEER_DUPLICATE: '该身份证号已在志愿者名册中，不能重复登记',
    'field.volunteer.mobileSuffix': '请输入手机号的后 4–11 位数字',
    'field.volunteer.homeLevel': '家庭所在区划应为社区（村）或网格',
    'field.volunteer.unitUnknown': '派出单位不存在',
    'field.volunteer.reasonRequired': '暂停或退出须填写原因',
    'field.volunteer.future': '日期不能晚于今天',
    'field.volunteer.gender': '请填写“男”或“女”',
    'field.volunteer.yesNo': '请填写“是”或“否”',
    'field.volunteer.idNumberAsNumber':
      '身份证号被 Excel 存成了数字（显示为 {value}），第 15 位以后的数字已丢失；请把该列设为“文本”格式后重新输入',
    'field.volunteer.registered': '该身份证号已在志愿者名册中',
    'field.volunteer.regionCode': '区划代码 {code} 不存在或不在你的管辖范围内',
    'field.volunteer.skill': '无法识别的技能“{text}”，可填：{allowed}',
    'field.volunteer.availability': '无法识别“{text}”；写法如“周一至周五 上午、下午；周末 全天”或“每天 夜间”（见模板“填写说明”）',
    'field.volunteer.status': '请填写：在岗、暂停、已退出',
    'field.volunteer.date': '日期无效，请写成 2020-02-03 或使用日期格式',
    'import.volunteer.noHeader': '第一行应为表头，至少包含：{headings}（请使用导入模板）',
  },
  en: {
    VOLUNTEER_DUPLICATE: 'This ID number is already in the volunteer registry',
    'field.volunteer.mobileSuffix': 'Enter the last 4–11 digits of the mobile number',
    'field.volunteer.homeLevel': 'The home region must be a community or a grid',
    'field.volunteer.unitUnknown': 'No such work unit',
    'field.volunteer.reasonRequired': 'A reason is required to pause or withdraw',
    'field.volunteer.future': 'The date must not be after today',
    'field.volunteer.gender': 'Enter 男 or 女 (male or female)',
    'field.volunteer.yesNo': 'Enter 是 or 否 (yes or no)',
    'field.volunteer.idNumberAsNumber':
      'Excel stored this ID number as a number (shown as {value}), so the digits after the 15th are lost; format the column as Text and type it again',
    'field.volunteer.registered': 'This ID number is already in the volunteer registry',
    'field.volunteer.regionCode': 'Region code {code} does not exist or is outside your area',
    'field.volunteer.skill': 'Unknown skill "{text}"; use: {allowed}',
    'field.volunteer.availability':
      'Cannot read "{text}"; write e.g. "周一至周五 上午、下午；周末 全天" or "每天 夜间" (see the template\'s explanation sheet)',
    'field.volunteer.status': 'Enter 在岗, 暂停 or 已退出 (active, paused, withdrawn)',
    'field.volunteer.date': 'Invalid date; write 2020-02-03 or use a date cell',
    'import.volunteer.noHeader': 'the first row must be the header with at least: {headings} (use the import template)',
  },
};
