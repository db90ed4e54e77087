/** The pieces the spreadsheet import dialogs share: the template, the file picker and the bad-row report. */
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Table, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, type ImportRowProblem } from '../app/api.ts';
import { useReportError } from '../app/errors.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Downloads the import template from `path`, saved as `fileName`. */
export function TemplateButton({ path, fileName, testId }: { path: string; fileName: string; testId: string }) {
  const { t } = useTranslation();
  const report = useReportError();
  const [downloading, setDownloading] = useState(false);

  async function downloadTemplate() {
    setDownloading(true);
    try {
      await download(path, fileName);
    } catch (e) {
      report(e);
    } finally {
      setDownloading(false);
    }
  }

  return (
    <Button
      icon={<DownloadOutlined />}
      loading={downloading}
      onClick={() => void downloadTemplate()}
      style={{ marginBottom: 16 }}
      data-testid={testId}
    >
      {t('import.template')}
    </Button>
  );
}

/** Picks one .xlsx file; anything else is refused with a notice. */
export function XlsxPicker({
  file,
  onChange,
  disabled,
  testId,
}: {
  file: File | null;
  onChange: (file: File | null) => void;
  disabled: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fileList: UploadFile[] = file ? [{ uid: 'picked', name: file.name, size: file.size, status: 'done' }] : [];
  return (
    <div data-testid={testId}>
      <Upload.Dragger
        accept={`.xlsx,${XLSX_TYPE}`}
        maxCount={1}
        disabled={disabled}
        fileList={fileList}
        beforeUpload={(picked) => {
          if (!picked.name.toLowerCase().endsWith('.xlsx')) {
            void message.error(t('import.onlyXlsx'));
            return Upload.LIST_IGNORE;
          }
          onChange(picked);
          // Sent by the dialog, with progress and the CSRF header; never by the Upload component itself.
          return false;
        }}
        onRemove={() => onChange(null)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.pick')}</p>
        <p className="ant-upload-hint">{t('import.pickHint')}</p>
      </Upload.Dragger>
    </div>
  );
}

/** The rows a file was refused for: row number, column and reason. */
export function ImportProblemTable({
  rows,
  title,
  fieldWidth,
  testId,
}: {
  rows: ImportRowProblem[];
  title: string;
  fieldWidth: number;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Table<ImportRowProblem>
      size="small"
      title={() => title}
      rowKey={(r) => `${r.row}|${r.field}|${r.message}`}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      // A fixed minimum, not max-content: long reasons wrap on a desk and scroll sideways only on a phone.
      scroll={{ x: 480 }}
      columns={[
        { title: t('import.row'), dataIndex: 'row', width: 80 },
        {
          title: t('import.field'),
          key: 'column',
          width: fieldWidth,
          render: (_: unknown, r: ImportRowProblem) => r.column ?? r.field,
        },
        { title: t('import.reason'), dataIndex: 'message' },
      ]}
      data-testid={testId}
    />
  );
}

/** A refused file: the server's reason and, when it names them, every bad row (`${testId}-failed`, `-errors`). */
export function ImportFailed({
  message,
  rows,
  fieldWidth,
  testId,
}: {
  message: string;
  rows: ImportRowProblem[];
  fieldWidth: number;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={`${testId}-failed`}>
      <Alert type="error" showIcon title={t('import.failed')} description={message} style={{ marginBottom: 16 }} role="alert" />
      {rows.length ? (
        <ImportProblemTable
          rows={rows}
          title={t('import.rowsTitle', { count: rows.length })}
          fieldWidth={fieldWidth}
          testId={`${testId}-errors`}
        />
      ) : null}
    </div>
  );
}
