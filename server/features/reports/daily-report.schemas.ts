/** 疫情防控日报: a region's report for a day, its versions, and the list of reports. */
import { Type, type Static } from 'typebox';
import { CalendarDate, Id } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

const RegionRef = Type.Object({ id: Type.String(), name: Type.String(), level: Type.String() });

/**
 * The tables as generated, never recomputed. Every section has the same rows (the region's
 * children in tree order, then the 合计 row of the region itself); `cells[row][column]` follows
 * the section's column keys (common/daily-report-tables.ts). A rate is null when nothing was due.
 */
export const ReportContent = Type.Object({
  region: RegionRef,
  day: CalendarDate(),
  /** When the dashboard's figures for the day were computed. */
  figuresAt: Type.String(),
  rows: Type.Array(Type.Object({ regionId: Type.String(), name: Type.String(), level: Type.String(), total: Type.Boolean() })),
  sections: Type.Array(
    Type.Object({
      key: Type.String(),
      columns: Type.Array(Type.String()),
      cells: Type.Array(Type.Array(Nullable(Type.Number()))),
    }),
  ),
});
export type DailyReportContent = Static<typeof ReportContent>;

export const ReportSummaryOut = Type.Object({
  id: Type.String(),
  region: RegionRef,
  day: CalendarDate(),
  version: Type.Integer(),
  generatedAt: Type.String(),
  /** Null: the evening job. */
  generatedBy: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
});
export type DailyReportSummary = Static<typeof ReportSummaryOut>;

export const ReportOut = Type.Object({
  ...ReportSummaryOut.properties,
  content: ReportContent,
  /** Every version of this region's report for the day, newest first (this one among them). */
  versions: Type.Array(ReportSummaryOut),
});
export type DailyReport = Static<typeof ReportOut>;

export const ReportList = Type.Object({ items: Type.Array(ReportSummaryOut), total: Type.Integer() });
export type DailyReportList = Static<typeof ReportList>;

export const ListQuery = Type.Object(
  {
    /** Reports of this region and the regions below it. */
    regionId: Type.Optional(Id()),
    from: Type.Optional(CalendarDate()),
    to: Type.Optional(CalendarDate()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type ListQueryInput = Static<typeof ListQuery>;

export const GenerateBody = Type.Object({ regionId: Id(), day: CalendarDate() }, { additionalProperties: false });
export type GenerateInput = Static<typeof GenerateBody>;
