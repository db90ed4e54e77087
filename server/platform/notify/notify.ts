import type { Kysely } from 'kysely';
import { newId, nowIso } from '../db/ids.ts';
import type { Database } from '../db/schema.ts';
import type { MessageParams } from '../i18n.ts';

/** One message to one account's inbox: a message code with its params, worded when read. */
export interface NewNotification {
  accountId: string;
  /** A message code of a feature catalog (`notify.<feature>.<what>`), with `{param}` placeholders. */
  kind: string;
  params: MessageParams;
  /** Path inside the web app the notification opens. */
  link: string | null;
}

/** Adds notifications inside the caller's transaction, so they exist exactly when the act does. */
export async function notify(q: Kysely<Database>, items: readonly NewNotification[]): Promise<void> {
  const now = nowIso();
  // Chunks keep each insert under both databases' bound-parameter limits (6 columns a row).
  for (let i = 0; i < items.length; i += 1000) {
    await q
      .insertInto('notifications')
      .values(
        items.slice(i, i + 1000).map((n) => ({
          id: newId(),
          accountId: n.accountId,
          kind: n.kind,
          params: JSON.stringify(n.params),
          link: n.link,
          createdAt: now,
          readAt: null,
        })),
      )
      .execute();
  }
}
