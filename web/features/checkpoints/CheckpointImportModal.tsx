import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Progress, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportCounts } from '../../../server/features/checkpoints/checkpoints.schemas.ts';
import { ApiError, upload, type ImportRowProblem } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import { ImportFailed, TemplateButton, XLSX_TYPE, XlsxPicker } from '../../components/ImportParts.tsx';
import { CHECKPOINTS_KEY } from './checkpoints.api.ts';

type Stage =
  | { kind: 'pick' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'done'; result: ImportCounts }
  | { kind: 'failed'; message: string; rows: ImportRowProblem[] };

/**
 * The whole file is checked before anything is written: imported entirely or not at all, and a
 * refused file comes back with every bad row listed so it can be fixed in one pass. A checkpoint
 * with the name of one already in its region is updated, so an exported file re-imports unchanged.
 */
export function CheckpointImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const report = useReportError();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });

  async function start() {
    if (!file) return;
    setStage({ kind: 'uploading', percent: 0 });
    try {
      const result = await upload<ImportCounts>('/checkpoints/import', file, XLSX_TYPE, (percent) =>
        setStage({ kind: 'uploading', percent }),
      );
      setStage({ kind: 'done', result });
      await client.invalidateQueries({ queryKey: [CHECKPOINTS_KEY] });
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
      title={t('checkpoints.importTitle')}
      onCancel={uploading ? undefined : onClose}
      closable={!uploading}
      mask={{ closable: !uploading }}
      width={760}
      footer={
        <Flex wrap gap={8} justify="flex-end">
          {finished ? (
            <Button onClick={again} data-testid="checkpoint-import-again">
              {t('import.again')}
            </Button>
          ) : (
            <Button
              type="primary"
              disabled={!file}
              loading={uploading}
              onClick={() => void start()}
              data-testid="checkpoint-import-upload"
            >
              {t('import.upload')}
            </Button>
          )}
          <Button onClick={onClose} disabled={uploading} data-testid="checkpoint-import-close">
            {t('common.close')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph>{t('checkpoints.importIntro')}</Typography.Paragraph>
      <TemplateButton
        path="/checkpoints/import-template"
        fileName={t('checkpoints.importTemplateFile')}
        testId="checkpoint-import-template"
      />

      {finished ? null : <XlsxPicker file={file} onChange={setFile} disabled={uploading} testId="checkpoint-import-file" />}

      {stage.kind === 'uploading' ? (
        <div style={{ marginTop: 16 }} data-testid="checkpoint-import-progress" aria-live="polite">
          <Typography.Text type="secondary">{t('import.uploading')}</Typography.Text>
          <Progress percent={stage.percent} status="active" />
        </div>
      ) : null}

      {stage.kind === 'done' ? (
        <div data-testid="checkpoint-import-result">
          <Alert type="success" showIcon title={t('import.done')} style={{ marginBottom: 16 }} />
          <Flex wrap gap={48} justify="center">
            <Statistic title={t('import.created')} value={stage.result.created} data-testid="checkpoint-import-created" />
            <Statistic title={t('import.updated')} value={stage.result.updated} data-testid="checkpoint-import-updated" />
            <Statistic title={t('import.unchanged')} value={stage.result.unchanged} data-testid="checkpoint-import-unchanged" />
          </Flex>
        </div>
      ) : null}

      {stage.kind === 'failed' ? (
        <ImportFailed message={stage.message} rows={stage.rows} fieldWidth={140} testId="checkpoint-import" />
      ) : null}
    </Modal>
  );
}
