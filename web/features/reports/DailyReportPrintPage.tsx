import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../app/dates.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useDailyReport } from './reports.api.ts';
import { sectionViews } from './tables.ts';

/** Plain ruled tables in a serif face, one table per printed page (A4 landscape), as reports go upward. */
const PRINT_CSS = `
@page { size: A4 landscape; margin: 12mm; }
.daily-report-print { max-width: 277mm; margin: 0 auto; padding: 16px; background: #fff; color: #000; font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", serif; }
.daily-report-print h1 { text-align: center; font-size: 22px; margin: 0 0 4px; }
.daily-report-print .meta { text-align: center; font-size: 13px; margin-bottom: 12px; }
.daily-report-print section { margin-bottom: 24px; }
.daily-report-print h2 { font-size: 16px; margin: 0 0 6px; }
.daily-report-print table { border-collapse: collapse; width: 100%; font-size: 13px; }
.daily-report-print th, .daily-report-print td { border: 1px solid #000; padding: 3px 6px; }
.daily-report-print th { background: #f0f0f0; font-weight: bold; text-align: center; }
.daily-report-print td.n { text-align: right; font-variant-numeric: tabular-nums; }
.daily-report-print tr.total td { font-weight: bold; }
@media print {
  .no-print { display: none !important; }
  .daily-report-print { max-width: none; padding: 0; }
  .daily-report-print section { break-inside: avoid; page-break-inside: avoid; }
  .daily-report-print section + section { break-before: page; page-break-before: always; }
  .daily-report-print thead { display: table-header-group; }
  .daily-report-print th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

/** The print version: no menu or header, each table on its own page with the report's title over it. */
export function DailyReportPrintPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const query = useDailyReport(id);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  if (!r) return null;
  const title = t('reports.reportTitle', { region: r.region.name });
  const meta = `${t('reports.day')}：${r.day}　${t('reports.generatedAt')}：${formatDateTime(r.generatedAt)}　${t('reports.versionN', { version: r.version })}`;
  return (
    <>
      <style>{PRINT_CSS}</style>
      <Flex className="no-print" justify="space-between" style={{ padding: 16 }}>
        <Link to={`/reports/daily/${r.id}`}>
          <Button data-testid="report-print-back">{t('reports.back')}</Button>
        </Link>
        <Button type="primary" onClick={() => window.print()} data-testid="report-print-now">
          {t('reports.printNow')}
        </Button>
      </Flex>
      <div className="daily-report-print" data-testid="report-print-page">
        {sectionViews(r.content, language, t('reports.total')).map((s) => (
          <section key={s.key} data-testid={`report-print-${s.key}`}>
            <h1>{title}</h1>
            <div className="meta">{meta}</div>
            <h2>{s.title}</h2>
            <table>
              <thead>
                <tr>
                  <th>{t('reports.region')}</th>
                  {s.columns.map((c) => (
                    <th key={c.key}>{c.label}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.lines.map((line) => (
                  <tr key={line.key} className={line.total ? 'total' : undefined}>
                    <td>{line.name}</td>
                    {line.cells.map((cell, i) => (
                      <td key={s.columns[i]!.key} className="n">
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </>
  );
}
