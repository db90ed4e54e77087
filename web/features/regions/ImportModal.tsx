import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Progress, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, upload, type ImportRowProblem } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import { ImportFailed, TemplateButton, XLSX_TYPE, XlsxPicker } from '../../components/ImportParts.tsx';
import { REGIONS_KEY, type ImportResult } from './regions.api.ts';

type Stage =
  | { kind: 'pick' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'failed'; message: string; rows: ImportRowProblem[] };

/**
 * The whole file is checked before anything is written: it is imported entirely or not at all,
 * and a refused file comes back with every bad row listed so it can be fixed in one pass.
 */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const report = useReportError();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });

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
      <TemplateButton path="/regions/import-template" fileName={t('import.templateFile')} testId="import-template" />

      {finished ? null : <XlsxPicker file={file} onChange={setFile} disabled={uploading} testId="import-file" />}

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
        <ImportFailed message={stage.message} rows={stage.rows} fieldWidth={140} testId="import" />
      ) : null}
    </Modal>
  );
}
