import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Language } from '../../../common/enums.ts';
import { auditWrite } from '../audit/audit.ts';
import { nowIso } from '../db/ids.ts';
import { transact } from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import { actorOf, callOf } from '../http/context.ts';
import { errorResponses, Ok } from '../http/schemas.ts';
import { hasMessage, translate, type MessageParams } from '../i18n.ts';
import { MarkReadBody, NotificationListOut, NotificationQuery, type NotificationOut } from './notifications.schemas.ts';
import { listNotifications, markRead, unreadCount, type NotificationRow } from './notifications.repository.ts';

const tags = ['notifications'];

/** What a notification of a kind this version does not know says (one written by a newer or removed feature). */
const GENERIC: Record<Language, string> = { 'zh-CN': '您有一条新通知', en: 'You have a new notification' };

/** A notification worded in the reader's language when read, so a change of language rewords the inbox. */
export function wording(lang: Language, row: NotificationRow): NotificationOut {
  let params: MessageParams = {};
  try {
    params = JSON.parse(row.params) as MessageParams;
  } catch {
    // Written by `notify` as JSON; an unreadable one still shows, generically.
  }
  const known = row.kind.startsWith('notify.') && hasMessage(row.kind);
  return {
    id: row.id,
    kind: row.kind,
    text: known ? translate(lang, row.kind, params) : GENERIC[lang],
    link: row.link,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

/** The signed-in account's own inbox: nobody reads or marks another account's notifications. */
export const notificationsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const { db } = deps.db;

  app.get('/notifications', {
    config: { access: 'authenticated' },
    schema: { tags, querystring: NotificationQuery, response: { 200: NotificationListOut, ...errorResponses } },
    handler: async (req) => {
      const { accountId } = actorOf(req);
      const { items, total } = await listNotifications(db, accountId, {
        unread: req.query.unread ?? false,
        limit: req.query.limit ?? 50,
        offset: req.query.offset ?? 0,
      });
      return { items: items.map((n) => wording(req.lang, n)), total, unread: await unreadCount(db, accountId) };
    },
  });

  app.post('/notifications/read', {
    config: { access: 'authenticated' },
    schema: { tags, body: MarkReadBody, response: { 200: Ok, ...errorResponses } },
    handler: async (req) => {
      const { accountId } = actorOf(req);
      const which = req.body.all ? 'all' : (req.body.ids ?? []);
      const call = callOf(req);
      await transact(db, call, async (trx) => {
        const marked = await markRead(trx, accountId, which, nowIso());
        if (marked > 0) await auditWrite(trx, call, 'notification.read', 'notification', null, null, { count: marked });
      });
      return { ok: true as const };
    },
  });
};
