import type { FeatureMessages } from '../../platform/i18n.ts';

export const publicityMessages: FeatureMessages = {
  'zh-CN': {
    ANNOUNCEMENT_WITHDRAWN: '该公告已撤回',
    ANNOUNCEMENT_ENDED: '该公告已过期，居民已看不到，无需撤回',
    'field.publicity.doneInFuture': '时间不能晚于现在',
    'field.publicity.doneTooOld': '只能补登 {days} 天以内的宣传记录',
    'field.publicity.checkpointOutside': '该卡点不在所选区域内',
    'field.publicity.team': '只能选择您所在的队伍或本区域的队伍',
    'field.publicity.toBeforeFrom': '结束日期不能早于开始日期',
    'field.announcement.body': '正文不能为空白，且除换行外不能含控制字符',
    'field.announcement.html': '公告为纯文本，不能包含 HTML 标签',
    'field.announcement.publishInPast': '发布时间不能早于现在',
    'field.announcement.publishTooFar': '发布时间最多提前 {days} 天',
    'field.announcement.expiresBeforePublish': '截止时间须晚于发布时间和现在',
    'field.announcement.tooLong': '公告最长展示 {days} 天',
  },
  en: {
    ANNOUNCEMENT_WITHDRAWN: 'This announcement has been withdrawn',
    ANNOUNCEMENT_ENDED: 'This announcement has expired; residents no longer see it',
    'field.publicity.doneInFuture': 'The time cannot be in the future',
    'field.publicity.doneTooOld': 'Entries can be logged up to {days} days late',
    'field.publicity.checkpointOutside': 'This checkpoint is not in the chosen region',
    'field.publicity.team': 'Choose a team you serve in or a team of this area',
    'field.publicity.toBeforeFrom': 'The end date cannot be before the start date',
    'field.announcement.body': 'Write some text; no control characters other than line breaks',
    'field.announcement.html': 'Announcements are plain text: no HTML tags',
    'field.announcement.publishInPast': 'The publishing time cannot be in the past',
    'field.announcement.publishTooFar': 'Announcements can be scheduled at most {days} days ahead',
    'field.announcement.expiresBeforePublish': 'The expiry must be after the publishing time and after now',
    'field.announcement.tooLong': 'An announcement is shown for at most {days} days',
  },
};
