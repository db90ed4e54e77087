/** A stored report's sections as the pages show them: titles and headings in the UI language, cells formatted. */
import {
  REPORT_COLUMNS,
  REPORT_SECTIONS,
  columnFormat,
  sectionNumber,
  type CellFormat,
} from '../../../common/daily-report-tables.ts';
import type { Language } from '../../../common/enums.ts';
import type { DailyReportContent } from './reports.api.ts';

export interface SectionView {
  key: string;
  title: string;
  columns: { key: string; label: string; format: CellFormat }[];
  /** One line per row of the report, the 合计 row last. */
  lines: { key: string; name: string; total: boolean; cells: string[] }[];
}

const locale = (language: Language) => (language === 'en' ? 'en-US' : 'zh-CN');

export function formatCell(format: CellFormat, value: number | null, language: Language): string {
  if (value === null) return '—';
  const n = (digits: number) =>
    value.toLocaleString(locale(language), { minimumFractionDigits: digits, maximumFractionDigits: digits });
  switch (format) {
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'yuan':
      return n(2);
    case 'area':
    case 'count':
      return n(0);
  }
}

export function sectionViews(content: DailyReportContent, language: Language, totalLabel: string): SectionView[] {
  return content.sections.map((section, index) => {
    const def = REPORT_SECTIONS.get(section.key);
    const columns = section.columns.map((key) => {
      const column = REPORT_COLUMNS.get(key);
      // A column dropped since the report was generated still shows, under its key.
      return { key, label: column?.label[language] ?? key, format: column ? columnFormat(column) : ('count' as const) };
    });
    return {
      key: section.key,
      title: `${sectionNumber(index)}、${def?.title[language] ?? section.key}`,
      columns,
      lines: content.rows.map((row, r) => ({
        key: row.regionId,
        name: row.total ? totalLabel : row.name,
        total: row.total,
        cells: columns.map((c, i) => formatCell(c.format, section.cells[r]?.[i] ?? null, language)),
      })),
    };
  });
}
