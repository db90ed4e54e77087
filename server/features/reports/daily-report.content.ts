/** Builds a report's tables from the dashboard's figures of a region and its children for one day. */
import { DAILY_REPORT_SECTIONS, cellValue } from '../../../common/daily-report-tables.ts';
import { emptyFigures, type Figures } from '../../../common/dashboard-figures.ts';
import type { DailyReportContent } from './daily-report.schemas.ts';

interface Region {
  id: string;
  name: string;
  level: string;
}

export function buildContent(
  region: Region,
  children: readonly Region[],
  day: string,
  figures: { computedAt: string; figures: ReadonlyMap<string, Figures> },
): DailyReportContent {
  const rows = [...children.map((c) => ({ region: c, total: false })), { region, total: true }];
  const of = (id: string) => figures.figures.get(id) ?? emptyFigures();
  return {
    region: { id: region.id, name: region.name, level: region.level },
    day,
    figuresAt: figures.computedAt,
    rows: rows.map((r) => ({ regionId: r.region.id, name: r.region.name, level: r.region.level, total: r.total })),
    sections: DAILY_REPORT_SECTIONS.map((s) => ({
      key: s.key,
      columns: s.columns.map((c) => c.key),
      cells: rows.map((r) => s.columns.map((c) => cellValue(c, of(r.region.id)))),
    })),
  };
}
