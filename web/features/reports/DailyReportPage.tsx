import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Select, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../app/dates.ts';
import { useReportError } from '../../app/errors.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { downloadReport, useDailyReport } from './reports.api.ts';
import { sectionViews, type SectionView } from './tables.ts';

type Line = SectionView['lines'][number];

function SectionTable({ section }: { section: SectionView }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Line> = [
    {
      title: t('reports.region'),
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string, line) => (line.total ? <strong>{name}</strong> : name),
    },
    ...section.columns.map((c, i) => ({
      title: c.label,
      key: c.key,
      align: 'right' as const,
      render: (_: unknown, line: Line) => (line.total ? <strong>{line.cells[i]}</strong> : line.cells[i]),
    })),
  ];
  return (
    <Card size="small" title={section.title} data-testid={`report-section-${section.key}`}>
      <Table<Line>
        rowKey="key"
        size="small"
        bordered
        pagination={false}
        columns={columns}
        dataSource={section.lines}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}

/** One report as generated: its twelve tables, its versions, the Excel file and the print version. */
export function DailyReportPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const report = useReportError();
  const { id = '' } = useParams();
  const query = useDailyReport(id);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  if (!r) return null;
  const sections = sectionViews(r.content, language, t('reports.total'));
  return (
    <>
      <PageHeader
        title={t('reports.reportTitle', { region: r.region.name })}
        extra={
          <>
            <Link to="/reports/daily">
              <Button data-testid="report-back">{t('reports.back')}</Button>
            </Link>
            <Button icon={<FileExcelOutlined />} onClick={() => downloadReport(r).catch(report)} data-testid="report-xlsx">
              {t('reports.download')}
            </Button>
            <Link to={`/reports/daily/${r.id}/print`}>
              <Button icon={<PrinterOutlined />} data-testid="report-print">
                {t('reports.print')}
              </Button>
            </Link>
          </>
        }
      />
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'day', label: t('reports.day'), children: <span data-testid="report-day">{r.day}</span> },
          {
            key: 'version',
            label: t('reports.version'),
            children: (
              <Select
                size="small"
                value={r.id}
                onChange={(v) => void navigate(`/reports/daily/${v}`)}
                options={r.versions.map((v) => ({ value: v.id, label: t('reports.versionN', { version: v.version }) }))}
                aria-label={t('reports.versions')}
                style={{ minWidth: 110 }}
                data-testid="report-version"
              />
            ),
          },
          {
            key: 'generated',
            label: t('reports.generatedAt'),
            children: `${formatDateTime(r.generatedAt)}（${r.generatedBy?.name ?? t('reports.byJob')}）`,
          },
          { key: 'figures', label: t('reports.figuresAt'), children: formatDateTime(r.content.figuresAt) },
        ]}
      />
      <Flex vertical gap={12} data-testid="report-tables">
        {sections.map((s) => (
          <SectionTable key={s.key} section={s} />
        ))}
      </Flex>
    </>
  );
}
