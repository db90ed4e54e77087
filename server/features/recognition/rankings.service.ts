import type { Actor } from '../../platform/access/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { invalidField } from '../../platform/errors.ts';
import type { Region } from '../regions/regions.schemas.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import * as repo from './rankings.repository.ts';
import type { Ranking, RankingExportInput, RankingQueryInput } from './rankings.schemas.ts';
import { EXPORT_ROWS, rankingWorkbook } from './rankings.xlsx.ts';

export type RankingsService = ReturnType<typeof rankingsService>;

/**
 * 表彰与排行 (README.md here): volunteers, teams or units of a region ranked by what their service
 * records hold over a period. Read-only, so nothing is audited; whoever reads volunteers in the
 * region may read its ranking.
 */
export function rankingsService(deps: Deps, others: { regions: RegionsService }) {
  const {
    db: { db },
  } = deps;

  /** The region asked for (another area's looks missing) and the filter, or 404 / 422 before any counting. */
  async function filterOf(actor: Actor, query: RankingExportInput): Promise<{ region: Region; filter: repo.RankingFilter }> {
    const region = await others.regions.namedOrTop(actor, 'volunteers.read', query.regionId);
    if (query.to < query.from) throw invalidField('to', 'field.recognition.toBeforeFrom');
    const filter: repo.RankingFilter = {
      subject: query.subject ?? 'volunteer',
      metric: query.metric ?? 'hours',
      regionPath: region.path,
      from: query.from,
      to: query.to,
    };
    return { region, filter };
  }

  async function ranking(actor: Actor, query: RankingExportInput, page: { limit: number; offset: number }): Promise<Ranking> {
    const { region, filter } = await filterOf(actor, query);
    const [items, total] = await Promise.all([repo.ranking(db, filter, page), repo.rankedCount(db, filter)]);
    return {
      region: { id: region.id, name: region.name },
      subject: filter.subject,
      metric: filter.metric,
      from: filter.from,
      to: filter.to,
      total,
      items,
    };
  }

  return {
    async ranking(actor: Actor, query: RankingQueryInput): Promise<Ranking> {
      return ranking(actor, query, { limit: query.limit ?? 50, offset: query.offset ?? 0 });
    },

    /** The ranking as an Excel file (its first EXPORT_ROWS places), with its name: 表彰排行-<region>-<from>至<to>.xlsx. */
    async workbook(actor: Actor, query: RankingExportInput): Promise<{ file: Buffer; name: string; asciiName: string }> {
      const result = await ranking(actor, query, { limit: EXPORT_ROWS, offset: 0 });
      return {
        file: await rankingWorkbook(result),
        name: `表彰排行-${result.region.name}-${result.from}至${result.to}.xlsx`,
        asciiName: `rankings-${result.from}-${result.to}.xlsx`,
      };
    },
  };
}
