/** A roster as a spreadsheet: one row per assignment, and a sheet of the positions nobody fills. */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { AssignmentSource, RiskLevel } from '../../../common/enums.ts';
import { ASSIGNMENT_SOURCE_LABELS, RISK_LABELS } from '../../../common/labels.ts';
import { localDateTime } from '../../platform/dates.ts';

export interface ExportAssignment {
  startsAt: string;
  endsAt: string;
  checkpointName: string;
  regionName: string;
  risk: number;
  volunteerName: string;
  source: AssignmentSource;
}

export interface ExportUncovered {
  startsAt: string;
  endsAt: string;
  checkpointName: string;
  regionName: string;
  risk: number;
  required: number;
  missing: number;
}

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC0392B' } } as const;

export async function rosterWorkbook(
  timeZone: string,
  assignments: readonly ExportAssignment[],
  uncovered: readonly ExportUncovered[],
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  // Streamed: a county's 25,000 assignments never sit in memory as a workbook.
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

  const sheet = (name: string, columns: { header: string; width: number }[]) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: { numFmt: '@' } }));
    const header = ws.getRow(1);
    header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    header.fill = HEADER_FILL;
    header.commit();
    return ws;
  };

  const duties = sheet('排班', [
    { header: '日期', width: 12 },
    { header: '开始', width: 8 },
    { header: '结束', width: 12 },
    { header: '卡点', width: 24 },
    { header: '区划', width: 22 },
    { header: '风险', width: 10 },
    { header: '志愿者', width: 12 },
    { header: '来源', width: 10 },
  ]);
  for (const a of assignments) {
    const s = local(a.startsAt);
    duties
      .addRow([
        s.date,
        s.time,
        endText(a.startsAt, a.endsAt),
        a.checkpointName,
        a.regionName,
        risk(a.risk),
        a.volunteerName,
        ASSIGNMENT_SOURCE_LABELS[a.source]['zh-CN'],
      ])
      .commit();
  }
  duties.commit();

  const gaps = sheet('缺岗', [
    { header: '日期', width: 12 },
    { header: '开始', width: 8 },
    { header: '结束', width: 12 },
    { header: '卡点', width: 24 },
    { header: '区划', width: 22 },
    { header: '风险', width: 10 },
    { header: '需要人数', width: 10 },
    { header: '缺少人数', width: 10 },
  ]);
  for (const u of uncovered) {
    const s = local(u.startsAt);
    gaps
      .addRow([
        s.date,
        s.time,
        endText(u.startsAt, u.endsAt),
        u.checkpointName,
        u.regionName,
        risk(u.risk),
        u.required,
        u.missing,
      ])
      .commit();
  }
  gaps.commit();
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}
