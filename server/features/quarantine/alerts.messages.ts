import type { FeatureMessages } from '../../platform/i18n.ts';

export const alertsMessages: FeatureMessages = {
  'zh-CN': {
    ALERT_CLOSED: '该预警已处置完毕',
    'alerts.outcome.reportArrived': '本次报告已在时限内填写，手机联网后才送达；系统已自动关闭漏报预警',
    'notify.alerts.fever': '发热预警：隔离人员 {ref} 复测体温 {temperature}°C（{date}，{region}）',
    'notify.alerts.remeasure': '复测超时：隔离人员 {ref} 体温异常后未按时复测（{date}，{region}）',
    'notify.alerts.help': '求助：隔离人员 {ref} 提出求助（{date}，{region}）',
    'notify.alerts.missedSlot': '漏报提醒：{count} 条健康上报未按时提交',
    'notify.alerts.escalated': '预警升级：{count} 条预警超时未处置，已升级至{region}（第 {level} 级）',
  },
  en: {
    ALERT_CLOSED: 'This alert is already closed',
    'alerts.outcome.reportArrived':
      'The report was made in time and reached the server once the phone was back online; closed automatically',
    'notify.alerts.fever': 'Fever alert: case {ref} re-measured {temperature} °C ({date}, {region})',
    'notify.alerts.remeasure': 'Re-measure overdue: case {ref} did not re-measure after a high reading ({date}, {region})',
    'notify.alerts.help': 'Help request: case {ref} asked for help ({date}, {region})',
    'notify.alerts.missedSlot': 'Missed reports: {count} health reports were not sent in time',
    'notify.alerts.escalated': 'Alerts escalated: {count} alerts left open were escalated to {region} (level {level})',
  },
};
