import type { FeatureMessages } from '../../platform/i18n.ts';

export const errandDispatchMessages: FeatureMessages = {
  'zh-CN': {
    'field.errands.assignee': '只能派给本代办岗队伍中在岗的队员',
    'notify.errands.assigned': '代办单 {ref} 已派给您，送往：{address}',
    'notify.errands.unassigned': '代办单 {ref} 已改派他人，您无需再跑',
    'notify.errands.cancelled': '您接的代办单 {ref} 已取消：{reason}',
    'notify.errands.escalated': '{community} 有 {count} 张代办单超时无人接单，已上报社区：{refs}',
    'notify.errands.escalatedToPost': '代办单 {ref} 超时无人接单，已转到「{post}」，请尽快接单',
  },
  en: {
    'field.errands.assignee': 'Only an active member of the post’s team can be given the order',
    'notify.errands.assigned': 'Errand order {ref} has been given to you; deliver to: {address}',
    'notify.errands.unassigned': 'Errand order {ref} has been given to someone else; you need not run it',
    'notify.errands.cancelled': 'Errand order {ref} you claimed was cancelled: {reason}',
    'notify.errands.escalated': '{count} errand orders in {community} were not claimed in time and came to the community: {refs}',
    'notify.errands.escalatedToPost': 'Errand order {ref} was not claimed in time and came to “{post}”; please claim it soon',
  },
};
