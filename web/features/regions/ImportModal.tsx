import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Progress, Statistic, Table, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, download, upload, type ImportRowProblem } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import { REGIONS_KEY, type ImportResult } from './regions.api.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Stage =
  | { kind: 'pick' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'failed'; message: string; rows: ImportRowProblem[] };

function isXlsx(file: File): boolean {
  return file.name.toLowerCase().endsWith('.xlsx');
}

/**
 * The whole file is checked before anything is written: it is imported entirely or not at all,
 * and a refused file comes back with every bad row listed so it can be fixed in one pass.
 */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const report = useReportError();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });
  const [downloading, setDownloading] = useState(false);

  async function downloadTemplate() {
    setDownloading(true);
    try {
      await download('/regions/import-template', t('import.templateFile'));
    } catch (e) {
      report(e);
    } finally {
      setDownloading(false);
    }
  }

  async function start() {
    if (!file) return;
    setStage({ kind: 'uploading', percent: 0 });
    try {
      const result = await upload<ImportResult>('/regions/import', file, XLSX_TYPE, (percent) =>
        setStage({ kind: 'uploading', percent }),
      );
      setStage({ kind: 'done', result });
      await client.invalidateQueries({ queryKey: [REGIONS_KEY] });
    } catch (e) {
      if (e instanceof ApiError) setStage({ kind: 'failed', message: e.message, rows: e.rows });
      else {
        report(e);
        setStage({ kind: 'pick' });
      }
    }
  }

  function again() {
    setFile(null);
    setStage({ kind: 'pick' });
  }

  const fileList: UploadFile[] = file ? [{ uid: 'picked', name: file.name, size: file.size, status: 'done' }] : [];
  const uploading = stage.kind === 'uploading';
  const finished = stage.kind === 'done' || stage.kind === 'failed';

  return (
    <Modal
      open
      title={t('import.title')}
      onCancel={uploading ? undefined : onClose}
      closable={!uploading}
      width={720}
      footer={
        <Flex wrap gap={8} justify="flex-end">
          {finished ? (
            <Button onClick={again} data-testid="import-again">
              {t('import.again')}
            </Button>
          ) : (
            <Button type="primary" disabled={!file} loading={uploading} onClick={() => void start()} data-testid="import-upload">
              {t('import.upload')}
            </Button>
          )}
          <Button onClick={onClose} disabled={uploading} data-testid="import-close">
            {t('common.close')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph>{t('import.intro')}</Typography.Paragraph>
      <Button
        icon={<DownloadOutlined />}
        loading={downloading}
        onClick={() => void downloadTemplate()}
        style={{ marginBottom: 16 }}
        data-testid="import-template"
      >
        {t('import.template')}
      </Button>

      {finished ? null : (
        <div data-testid="import-file">
          <Upload.Dragger
            accept={`.xlsx,${XLSX_TYPE}`}
            maxCount={1}
            disabled={uploading}
            fileList={fileList}
            beforeUpload={(picked) => {
              if (!isXlsx(picked)) {
                void message.error(t('import.onlyXlsx'));
                return Upload.LIST_IGNORE;
              }
              setFile(picked);
              // Sent by `start`, with progress and the CSRF header; never by the Upload component itself.
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.pick')}</p>
            <p className="ant-upload-hint">{t('import.pickHint')}</p>
          </Upload.Dragger>
        </div>
      )}

      {stage.kind === 'uploading' ? (
        <div style={{ marginTop: 16 }} data-testid="import-progress" aria-live="polite">
          <Typography.Text type="secondary">{t('import.uploading')}</Typography.Text>
          <Progress percent={stage.percent} status="active" />
        </div>
      ) : null}

      {stage.kind === 'done' ? (
        <div data-testid="import-result">
          <Alert type="success" showIcon title={t('import.done')} style={{ marginBottom: 16 }} />
          <Flex wrap gap={48} justify="center">
            <Statistic title={t('import.created')} value={stage.result.created} />
            <Statistic title={t('import.updated')} value={stage.result.updated} />
            <Statistic title={t('import.unchanged')} value={stage.result.unchanged} />
          </Flex>
        </div>
      ) : null}

      {stage.kind === 'failed' ? (
        <div data-testid="import-failed">
          <Alert
            type="error"
            showIcon
            title={t('import.failed')}
            description={stage.message}
            style={{ marginBottom: 16 }}
            role="alert"
          />
          {stage.rows.length ? (
            <Table<ImportRowProblem>
              size="small"
              title={() => t('import.rowsTitle', { count: stage.rows.length })}
              rowKey={(r) => `${r.row}|${r.field}|${r.message}`}
              dataSource={stage.rows}
              pagination={stage.rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              // A fixed minimum, not max-content: long reasons wrap on a desk and scroll sideways only on a phone.
              scroll={{ x: 480 }}
              columns={[
                { title: t('import.row'), dataIndex: 'row', width: 80 },
                {
                  title: t('import.field'),
                  key: 'column',
                  width: 140,
                  render: (_: unknown, r: ImportRowProblem) => r.column ?? r.field,
                },
                { title: t('import.reason'), dataIndex: 'message' },
              ]}
              data-testid="import-errors"
            />
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
