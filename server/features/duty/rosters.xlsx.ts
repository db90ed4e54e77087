/** A roster as a spreadsheet: one row per assignment, and a sheet of the positions nobody fills. */
import ExcelJS from 'exceljs';
import type { AssignmentSource, RiskLevel } from '../../../common/enums.ts';
import { ASSIGNMENT_SOURCE_LABELS, RISK_LABELS } from '../../../common/labels.ts';
import { localDateTime } from '../../platform/dates.ts';
import { streamedBuffer, styleHeader } from '../../platform/spreadsheet.ts';

/** When and where a shift is: the first columns of both sheets. */
interface ExportShift {
  startsAt: string;
  endsAt: string;
  checkpointName: string;
  regionName: string;
  risk: number;
}

export interface ExportAssignment extends ExportShift {
  volunteerName: string;
  source: AssignmentSource;
}

export interface ExportUncovered extends ExportShift {
  required: number;
  missing: number;
}

const SHIFT_COLUMNS = [
  { header: '日期', width: 12 },
  { header: '开始', width: 8 },
  { header: '结束', width: 12 },
  { header: '卡点', width: 24 },
  { header: '区划', width: 22 },
  { header: '风险', width: 10 },
];

/** Streamed: a county's 25,000 assignments never sit in memory as a workbook. */
export function rosterWorkbook(
  timeZone: string,
  assignments: readonly ExportAssignment[],
  uncovered: readonly ExportUncovered[],
): Promise<Buffer> {
  return streamedBuffer(async (out) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    workbook.creator = 'redvest 红马甲';

    const local = (iso: string) => localDateTime(timeZone, new Date(iso));
    /** An end on a later day says so, as the shift crosses midnight. */
    const endText = (startsAt: string, endsAt: string) => {
      const s = local(startsAt);
      const e = local(endsAt);
      return e.date === s.date ? e.time : `${e.time}（次日）`;
    };
    const risk = (r: number) => RISK_LABELS[r as RiskLevel]?.['zh-CN'] ?? String(r);

    /** One sheet of shifts: when and where each is, then `more` columns filled by `cells`. */
    function shiftSheet<T extends ExportShift>(
      name: string,
      more: { header: string; width: number }[],
      items: readonly T[],
      cells: (item: T) => (string | number)[],
    ) {
      const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = [...SHIFT_COLUMNS, ...more].map((c) => ({ header: c.header, width: c.width, style: { numFmt: '@' } }));
      const header = ws.getRow(1);
      styleHeader(header);
      header.commit();
      for (const item of items) {
        const s = local(item.startsAt);
        ws.addRow([
          s.date,
          s.time,
          endText(item.startsAt, item.endsAt),
          item.checkpointName,
          item.regionName,
          risk(item.risk),
          ...cells(item),
        ]).commit();
      }
      ws.commit();
    }

    shiftSheet(
      '排班',
      [
        { header: '志愿者', width: 12 },
        { header: '来源', width: 10 },
      ],
      assignments,
      (a) => [a.volunteerName, ASSIGNMENT_SOURCE_LABELS[a.source]['zh-CN']],
    );
    shiftSheet(
      '缺岗',
      [
        { header: '需要人数', width: 10 },
        { header: '缺少人数', width: 10 },
      ],
      uncovered,
      (u) => [u.required, u.missing],
    );
    await workbook.commit();
  });
}
