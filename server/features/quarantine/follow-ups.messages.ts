import type { FeatureMessages } from '../../platform/i18n.ts';

export const followUpsMessages: FeatureMessages = {
  'zh-CN': {
    FOLLOW_UP_CLOSED: '该跟进任务已办结',
    'notify.followUps.fever': '发热人员待跟进：{place}，{time} 测得体温 {temperature}°C（{region}）',
    'notify.followUps.feverNoReading': '发热人员待跟进：{place}，{time} 入户排查发现发热或症状（{region}）',
    'notify.followUps.riskArrival': '风险地区来人待跟进：{place}，{time} 来自 {origin}（{region}）',
  },
  en: {
    FOLLOW_UP_CLOSED: 'This follow-up task is already closed',
    'notify.followUps.fever': 'Fever to follow up: {place}, {temperature} °C at {time} ({region})',
    'notify.followUps.feverNoReading':
      'Fever to follow up: {place}, fever or symptoms found on a household visit at {time} ({region})',
    'notify.followUps.riskArrival': 'Arrival from a risk area to follow up: {place}, from {origin} at {time} ({region})',
  },
};
