import { requireAccess, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { calendarDate, localDateTime } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, invalidField, notFound } from '../../platform/errors.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import type { DashboardService } from '../dashboard/dashboard.service.ts';
import type { Kysely } from 'kysely';
import { buildContent } from './daily-report.content.ts';
import * as repo from './daily-report.repository.ts';
import type {
  DailyReport,
  DailyReportContent,
  DailyReportList,
  DailyReportSummary,
  GenerateInput,
  ListQueryInput,
} from './daily-report.schemas.ts';
import { dailyReportWorkbook } from './daily-report.xlsx.ts';

export type DailyReportService = ReturnType<typeof dailyReportService>;

const SYSTEM: CallContext = { actorId: null, actorLogin: null, ip: null };
/** Two people generating the same region's day at once: the one who lost the version tries again. */
const VERSION_ATTEMPTS = 3;

const summary = (r: repo.ReportRow): DailyReportSummary => ({
  id: r.id,
  region: { id: r.regionId, name: r.regionName, level: r.regionLevel },
  day: r.day,
  version: r.version,
  generatedAt: r.generatedAt,
  generatedBy: r.generatedBy ? { id: r.generatedBy, name: r.generatedByName ?? '' } : null,
});

/**
 * 疫情防控日报 (README.md here): a region's tables for a day, built once from the dashboard's
 * figures and stored, so a report never changes afterwards. Generated on demand by staff holding
 * `reports.read` over the region, and each evening by the `daily-report` job for the roots,
 * counties and townships.
 */
export function dailyReportService(deps: Deps, { dashboard }: { dashboard: DashboardService }) {
  const {
    db: { db },
    events,
    config: { timeZone, dailyReportTime },
  } = deps;

  const announce = (q: Kysely<Database>, id: string, regionPath: string) =>
    events.publish(q, {
      type: 'reports.daily.generated',
      permission: 'reports.read',
      regionPath,
      entityType: 'daily_report',
      entityId: id,
    });

  /** A report the caller may read; another area's looks missing. */
  async function readable(actor: Actor, id: string) {
    const row = await repo.findReport(db, id);
    if (!row) throw notFound();
    requireAccess(actor, 'reports.read', row.regionPath);
    return row;
  }

  async function get(actor: Actor, id: string): Promise<DailyReport> {
    const row = await readable(actor, id);
    const versions = await repo.versionsOf(db, row.regionId, row.day);
    return {
      ...summary(row),
      content: JSON.parse(row.content) as DailyReportContent,
      versions: versions.map(summary),
    };
  }

  /**
   * Today's report by the job for every reporting region that has none yet. Only from the
   * configured time on; a pass that finds nothing to do costs one query, and one that was cut
   * short (an instance stopped) is finished by the next.
   */
  async function evening(slot: string): Promise<number> {
    const { date, time } = localDateTime(timeZone, new Date(slot));
    if (time < dailyReportTime) return 0;
    const due = await repo.reportingRegionsWithoutJobReport(db, date);
    if (due.length === 0) return 0;
    const children = await repo.childrenOf(
      db,
      due.map((r) => r.id),
    );
    const ids = [...new Set([...due, ...children].map((r) => r.id))];
    const figures = await dashboard.figuresOn(ids, date);
    if (!figures) return 0;
    const at = nowIso();
    return transact(db, SYSTEM, async (trx) => {
      let made = 0;
      for (const region of due) {
        const id = newId();
        const content = buildContent(
          region,
          children.filter((c) => c.parentId === region.id),
          date,
          figures,
        );
        // Null: another instance's pass wrote it meanwhile (one job report per region and day).
        const version = await repo.insertNextVersion(trx, {
          id,
          regionId: region.id,
          day: date,
          generatedAt: at,
          generatedBy: null,
          content: JSON.stringify(content),
        });
        if (version === null) continue;
        await auditWrite(trx, SYSTEM, 'reports.daily.generate', 'daily_report', id, region.path, {
          regionId: region.id,
          day: date,
          version,
        });
        await announce(trx, id, region.path);
        made++;
      }
      return made;
    });
  }

  const jobs: JobDefinition[] = [{ name: 'daily-report', everyMs: 60_000, run: async (slot) => void (await evening(slot)) }];

  return {
    jobs,
    /** The job's pass for a slot, for tests. */
    evening,

    async list(actor: Actor, query: ListQueryInput): Promise<DailyReportList> {
      const scope = requireScope(actor, 'reports.read');
      let regionPath: string | undefined;
      if (query.regionId) {
        const region = await repo.findRegion(db, query.regionId);
        if (!region) throw notFound();
        requireAccess(actor, 'reports.read', region.path);
        regionPath = region.path;
      }
      if (query.from && query.to && query.to < query.from) throw invalidField('to', 'field.reports.toBeforeFrom');
      const { items, total } = await repo.listLatest(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: items.map(summary), total };
    },

    /** A new version of the region's report for the day, from the figures as they are now (audited). */
    async generate(actor: Actor, call: CallContext, input: GenerateInput): Promise<DailyReport> {
      requireScope(actor, 'reports.read');
      const region = await repo.findRegion(db, input.regionId);
      if (!region) throw notFound();
      requireAccess(actor, 'reports.read', region.path);
      if (input.day > calendarDate(timeZone)) throw invalidField('day', 'field.reports.dayInFuture');
      const children = await repo.childrenOf(db, [region.id]);
      const figures = await dashboard.figuresOn([region.id, ...children.map((c) => c.id)], input.day);
      if (!figures) throw invalidField('day', 'field.reports.noFigures');
      const content = JSON.stringify(buildContent(region, children, input.day, figures));
      const id = newId();
      await transact(db, call, async (trx) => {
        for (let attempt = 0; attempt < VERSION_ATTEMPTS; attempt++) {
          const version = await repo.insertNextVersion(trx, {
            id,
            regionId: region.id,
            day: input.day,
            generatedAt: nowIso(),
            generatedBy: actor.accountId,
            content,
          });
          if (version === null) continue;
          await auditWrite(trx, call, 'reports.daily.generate', 'daily_report', id, region.path, {
            regionId: region.id,
            day: input.day,
            version,
          });
          await announce(trx, id, region.path);
          return;
        }
        throw conflict();
      });
      return get(actor, id);
    },

    get,

    /** The Excel file, with its name: 日报-<region>-<date>.xlsx. */
    async workbook(actor: Actor, id: string): Promise<{ file: Buffer; name: string; asciiName: string }> {
      const row = await readable(actor, id);
      const content = JSON.parse(row.content) as DailyReportContent;
      return {
        file: await dailyReportWorkbook(timeZone, { generatedAt: row.generatedAt, content }),
        name: `日报-${row.regionName}-${row.day}.xlsx`,
        asciiName: `daily-report-${row.day}.xlsx`,
      };
    },
  };
}
