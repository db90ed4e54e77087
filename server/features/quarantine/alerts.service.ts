import type { Kysely } from 'kysely';
import { maskName } from '../../../common/mask.ts';
import { requireAccess, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { AlertTable, Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import { notify, type NewNotification } from '../../platform/notify/notify.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { FigureWindow } from '../dashboard/figure-sources.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import * as repo from './alerts.repository.ts';
import { observerOnly } from './cases.rules.ts';
import type { Alert, AlertQueryInput, CloseAlertInput, OpenAlert } from './alerts.schemas.ts';
import type { MissingSlot as MissingSlot } from './health-reports.repository.ts';

export type AlertsService = ReturnType<typeof alertsService>;

/** Jobs act for nobody. */
export const SYSTEM: CallContext = { actorId: null, actorLogin: null, ip: null };

const LINK = '/quarantine/alerts';
/** Alerts escalated per transaction. */
const BATCH = 500;

const NOTIFY_KIND: Record<Alert['kind'], string> = {
  fever: 'notify.alerts.fever',
  remeasure: 'notify.alerts.remeasure',
  help: 'notify.alerts.help',
  missed_slot: 'notify.alerts.missedSlot',
};

function masked(a: repo.AlertRow): Alert {
  const { regionPath: _path, medicalObserverId: _observer, ...rest } = a;
  return { ...rest, personName: maskName(a.personName) };
}

/** The region `levels` steps above the last one of a materialised path, as its own path; null above the top. */
export function pathAbove(regionPath: string, levels: number): string | null {
  const ids = regionPath.split('/').filter(Boolean);
  if (levels >= ids.length) return null;
  return `/${ids.slice(0, ids.length - levels).join('/')}/`;
}

/**
 * Where an open alert escalates from `level`: the nearest region above with a manager, skipping
 * levels that have none (an alert never loses its owner); null at the top, where it stays.
 */
export async function escalationTarget(
  q: Kysely<Database>,
  accounts: Pick<AccountsService, 'staffOf'>,
  regionPath: string,
  level: number,
): Promise<{ level: number; path: string; managers: string[] } | null> {
  for (let to = level + 1; ; to++) {
    const path = pathAbove(regionPath, to);
    if (!path) return null;
    const managers = await accounts.staffOf(q, path, ['region_manager']);
    if (managers.length) return { level: to, path, managers };
  }
}

/**
 * 预警 (quarantine.read to see, alerts.handle to act, over the case's region). Health reports open
 * them inside their own transaction (`open`); the missed-slot scan opens them in bulk; an alert
 * left open `alertEscalateMinutes` climbs one region level to that region's managers.
 */
export function alertsService(deps: Deps, { regions, accounts }: { regions: RegionsService; accounts: AccountsService }) {
  const {
    db: { db },
    events,
    config: { alertEscalateMinutes },
  } = deps;

  const changed = (q: Kysely<Database>, type: string, regionPath: string, id: string | null) =>
    events.publish(q, { type, permission: 'quarantine.read', regionPath, entityType: 'alert', entityId: id });

  async function visible(actor: Actor, permission: 'quarantine.read' | 'alerts.handle', id: string) {
    const row = await repo.findAlert(db, id);
    if (!row) throw notFound();
    requireAccess(actor, permission, row.regionPath);
    if (observerOnly(actor) && row.medicalObserverId !== actor.accountId && row.owner?.accountId !== actor.accountId) {
      throw notFound();
    }
    return row;
  }

  const reload = async (id: string) => masked((await repo.findAlert(db, id))!);

  async function escalateAt(at: string): Promise<number> {
    const cutoff = nowIso(new Date(new Date(at).getTime() - alertEscalateMinutes * 60_000));
    let after = '';
    let total = 0;
    for (;;) {
      const batch = await repo.dueForEscalation(db, cutoff, after, BATCH);
      // Grouped by where they go and the level they leave: one update, one look-up of managers each.
      const groups = new Map<string, { targetPath: string; level: number; rows: typeof batch }>();
      for (const row of batch) {
        const targetPath = pathAbove(row.regionPath, row.level + 1);
        if (!targetPath) continue;
        const key = `${targetPath}|${row.level}`;
        const group = groups.get(key) ?? { targetPath, level: row.level, rows: [] };
        group.rows.push(row);
        groups.set(key, group);
      }
      if (groups.size) {
        total += await transact(db, SYSTEM, async (trx) => {
          const now = nowIso();
          let done = 0;
          for (const { level, rows } of groups.values()) {
            // The rows of a group share every region from the one above them up.
            const to = await escalationTarget(trx, accounts, rows[0]!.regionPath, level);
            if (!to) continue;
            const { path: targetPath, managers } = to;
            const moved = await repo.escalate(
              trx,
              rows.map((r) => r.id),
              level,
              to.level,
              managers[0]!,
              now,
            );
            if (!moved.length) continue;
            done += moved.length;
            const target = await regions.findById(targetPath.split('/').filter(Boolean).pop()!);
            await auditWrite(trx, SYSTEM, 'alert.escalate', 'alert', null, targetPath, { level: to.level, count: moved.length });
            await notify(
              trx,
              managers.map((accountId) => ({
                accountId,
                kind: 'notify.alerts.escalated',
                params: { count: moved.length, level: to.level, region: target?.name ?? '' },
                link: LINK,
              })),
            );
            await changed(trx, 'alert.escalated', targetPath, moved.length === 1 ? moved[0]! : null);
          }
          return done;
        });
      }
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1]!.id;
    }
    return total;
  }

  return {
    jobs: [
      { name: 'alerts-escalate', everyMs: 15 * 60_000, run: async (slot) => void (await escalateAt(slot)) },
    ] as JobDefinition[],
    /** The escalation pass at an instant (the job runs it; tests call it with their clock). */
    escalate: escalateAt,
    /** Open fever alerts per region for the dashboard's refresh job: the system's own reading, no access check. */
    figures: (w: FigureWindow) => repo.feverAlertFigures(db, w.to),

    /**
     * Opens alerts in the caller's transaction, skipping any already made for its (case, kind,
     * slot); tells each new alert's owner, or the nearest staff of the kind that would own it when
     * the case has nobody named. Returns the ids it opened.
     */
    async open(q: Kysely<Database>, items: readonly OpenAlert[], call: CallContext = SYSTEM): Promise<string[]> {
      if (!items.length) return [];
      const now = nowIso();
      const rows: AlertTable[] = items.map((i) => ({
        id: newId(),
        caseId: i.caseId,
        regionId: i.regionId,
        kind: i.kind,
        slotOn: i.slotOn,
        slot: i.slot,
        reportId: i.reportId,
        ownerAccountId: i.ownerAccountId,
        level: 0,
        escalatedAt: null,
        status: 'open',
        outcome: null,
        closedBy: null,
        closedAt: null,
        createdAt: now,
        updatedAt: now,
      }));
      const opened = new Set(await repo.insertAlerts(q, rows));
      const notes: NewNotification[] = [];
      for (const [n, row] of rows.entries()) {
        if (!opened.has(row.id)) continue;
        const item = items[n]!;
        const role = item.kind === 'help' || item.kind === 'missed_slot' ? 'region_manager' : 'medical_observer';
        const to = item.ownerAccountId ? [item.ownerAccountId] : await accounts.staffOf(q, item.regionPath, [role]);
        for (const accountId of to) notes.push({ accountId, kind: NOTIFY_KIND[item.kind], params: item.params, link: LINK });
        await auditWrite(q, call, 'alert.open', 'alert', row.id, item.regionPath, { kind: item.kind, caseId: item.caseId });
        await changed(q, 'alert.opened', item.regionPath, row.id);
      }
      await notify(q, notes);
      return [...opened];
    },

    /**
     * The missed-slot scan's bulk path: any number of alerts in batched inserts, one audit record
     * for the run, one live event per region and one inbox message per owner with their count.
     */
    async openMissed(q: Kysely<Database>, items: readonly MissingSlot[]): Promise<number> {
      if (!items.length) return 0;
      const now = nowIso();
      const rows: AlertTable[] = items.map((i) => ({
        id: newId(),
        caseId: i.caseId,
        regionId: i.regionId,
        kind: 'missed_slot',
        slotOn: i.slotOn,
        slot: i.slot,
        reportId: null,
        ownerAccountId: i.ownerAccountId,
        level: 0,
        escalatedAt: null,
        status: 'open',
        outcome: null,
        closedBy: null,
        closedAt: null,
        createdAt: now,
        updatedAt: now,
      }));
      const opened = new Set(await repo.insertAlerts(q, rows));
      if (!opened.size) return 0;
      const perOwner = new Map<string, number>();
      const paths = new Set<string>();
      for (const [n, row] of rows.entries()) {
        if (!opened.has(row.id)) continue;
        paths.add(items[n]!.regionPath);
        if (row.ownerAccountId) perOwner.set(row.ownerAccountId, (perOwner.get(row.ownerAccountId) ?? 0) + 1);
      }
      await auditWrite(q, SYSTEM, 'alert.scanMissed', 'alert', null, null, { count: opened.size });
      await notify(
        q,
        [...perOwner].map(([accountId, count]) => ({ accountId, kind: NOTIFY_KIND.missed_slot, params: { count }, link: LINK })),
      );
      for (const path of paths) await changed(q, 'alert.opened', path, null);
      return opened.size;
    },

    /**
     * A report made inside its window that reached the server after the missed-slot scan (it
     * waited in a phone's outbox): the slot was not missed, so its alert closes by itself, in the
     * report's transaction, with an outcome saying why. A late report leaves the alert to its owner.
     */
    async closeMissed(
      q: Kysely<Database>,
      call: CallContext,
      slot: { caseId: string; slotOn: string; slot: string; regionPath: string },
    ): Promise<void> {
      const now = nowIso();
      // Kept as text like an outcome typed by staff, in the interface's first language.
      const outcome = translate('zh-CN', 'alerts.outcome.reportArrived');
      const id = await repo.closeOpenMissed(q, slot, { outcome, closedAt: now });
      if (!id) return;
      await auditWrite(q, call, 'alert.close', 'alert', id, slot.regionPath, { kind: 'missed_slot', automatic: true });
      await changed(q, 'alert.changed', slot.regionPath, id);
    },

    async list(actor: Actor, query: AlertQueryInput): Promise<{ items: Alert[]; total: number }> {
      const scope = requireScope(actor, 'quarantine.read');
      const regionPath = await regions.readablePath(actor, 'quarantine.read', query.regionId);
      const { items, total } = await repo.listAlerts(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.caseId ? { caseId: query.caseId } : {}),
        ...(query.mine ? { ownerAccountId: actor.accountId } : {}),
        ...(observerOnly(actor) ? { observedBy: actor.accountId } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: items.map(masked), total };
    },

    async get(actor: Actor, id: string): Promise<Alert> {
      return masked(await visible(actor, 'quarantine.read', id));
    },

    /** The caller owns the alert from now (colleagues stand in for each other). */
    async take(actor: Actor, call: CallContext, id: string): Promise<Alert> {
      const row = await visible(actor, 'alerts.handle', id);
      if (row.status === 'closed') throw conflict('ALERT_CLOSED');
      await transact(db, call, async (trx) => {
        if (!(await repo.updateOpen(trx, id, { ownerAccountId: actor.accountId }, nowIso()))) throw conflict('ALERT_CLOSED');
        await auditWrite(trx, call, 'alert.take', 'alert', id, row.regionPath, {
          kind: row.kind,
          from: row.owner?.accountId ?? null,
        });
        await changed(trx, 'alert.changed', row.regionPath, id);
      });
      return reload(id);
    },

    async close(actor: Actor, call: CallContext, id: string, input: CloseAlertInput): Promise<Alert> {
      const row = await visible(actor, 'alerts.handle', id);
      if (row.status === 'closed') throw conflict('ALERT_CLOSED');
      const now = nowIso();
      await transact(db, call, async (trx) => {
        const done = await repo.updateOpen(
          trx,
          id,
          {
            status: 'closed',
            outcome: input.outcome.trim(),
            closedAt: now,
            closedBy: actor.accountId,
            ...(row.owner ? {} : { ownerAccountId: actor.accountId }),
          },
          now,
        );
        if (!done) throw conflict('ALERT_CLOSED');
        // The outcome is free text about a person: the audit says that it was closed, not how.
        await auditWrite(trx, call, 'alert.close', 'alert', id, row.regionPath, { kind: row.kind });
        await changed(trx, 'alert.changed', row.regionPath, id);
      });
      return reload(id);
    },
  };
}
