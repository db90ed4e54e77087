import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Progress, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ImportRowProblem } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import { useMe } from '../../app/session.ts';
import { ImportFailed, ImportProblemTable, TemplateButton, XLSX_TYPE, XlsxPicker } from '../../components/ImportParts.tsx';
import { uploadNdjson } from '../../components/ndjsonUpload.ts';
import { VOLUNTEERS_KEY, type ImportPhase, type ImportProgressLine, type ImportResultLine } from './volunteers.api.ts';

type Stage =
  | { kind: 'pick' }
  | { kind: 'uploading'; percent: number; phase: ImportPhase | null; done: number; total: number }
  | { kind: 'done'; result: ImportResultLine; onlyValid: boolean }
  | { kind: 'failed'; message: string; rows: ImportRowProblem[] };

/**
 * The roster import. The whole file is checked first and nothing is written while a row is wrong;
 * the operator then fixes the file, or chooses to import only the valid rows. The server reports
 * its progress line by line, which matters for 10,000 rows on a county office's connection.
 */
export function VolunteerImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const report = useReportError();
  const csrfToken = useMe().data?.csrfToken ?? null;
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });

  async function start(onlyValid: boolean) {
    if (!file) return;
    let result: ImportResultLine | null = null;
    let progress = { kind: 'uploading' as const, percent: 0, phase: null as ImportPhase | null, done: 0, total: 0 };
    setStage(progress);
    try {
      await uploadNdjson({
        path: onlyValid ? '/volunteers/import?onlyValid=true' : '/volunteers/import',
        file,
        contentType: XLSX_TYPE,
        csrfToken,
        onUploadProgress: (percent) => {
          progress = { ...progress, percent };
          setStage(progress);
        },
        onLine: (line) => {
          const l = line as ImportProgressLine | ImportResultLine;
          if (l.type === 'progress') {
            progress = { ...progress, percent: 100, phase: l.phase, done: l.done, total: l.total };
            setStage(progress);
          } else if (l.type === 'result') result = l;
        },
      });
      if (!result) throw new ApiError(0, 'INCOMPLETE', t('volunteerImport.incomplete'));
      const final: ImportResultLine = result;
      setStage({ kind: 'done', result: final, onlyValid });
      if (final.created > 0) {
        await client.invalidateQueries({ queryKey: [VOLUNTEERS_KEY] });
        void message.success(t('volunteerImport.createdToast', { count: final.created }));
      }
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

  const busy = stage.kind === 'uploading';
  const finished = stage.kind === 'done' || stage.kind === 'failed';
  const result = stage.kind === 'done' ? stage.result : null;
  const offerValid = !!result && result.created === 0 && result.invalid > 0 && result.valid > 0;

  return (
    <Modal
      open
      title={t('volunteerImport.title')}
      onCancel={busy ? undefined : onClose}
      closable={!busy}
      mask={{ closable: !busy }}
      width={760}
      footer={
        <Flex wrap gap={8} justify="flex-end">
          {offerValid ? (
            <Button type="primary" onClick={() => void start(true)} data-testid="volunteer-import-only-valid">
              {t('volunteerImport.onlyValid', { count: result.valid })}
            </Button>
          ) : null}
          {finished ? (
            <Button onClick={again} data-testid="volunteer-import-again">
              {t('import.again')}
            </Button>
          ) : (
            <Button
              type="primary"
              disabled={!file}
              loading={busy}
              onClick={() => void start(false)}
              data-testid="volunteer-import-upload"
            >
              {t('import.upload')}
            </Button>
          )}
          <Button onClick={onClose} disabled={busy} data-testid="volunteer-import-close">
            {t('common.close')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph>{t('volunteerImport.intro')}</Typography.Paragraph>
      <TemplateButton
        path="/volunteers/import-template"
        fileName={t('volunteerImport.templateFile')}
        testId="volunteer-import-template"
      />

      {finished ? null : <XlsxPicker file={file} onChange={setFile} disabled={busy} testId="volunteer-import-file" />}

      {stage.kind === 'uploading' ? (
        <div style={{ marginTop: 16 }} data-testid="volunteer-import-progress" aria-live="polite">
          <Typography.Text type="secondary">
            {stage.percent < 100 || stage.phase ? t('volunteerImport.uploading') : t('volunteerImport.processing')}
          </Typography.Text>
          <Progress percent={stage.percent} status={stage.percent < 100 ? 'active' : 'success'} />
          {stage.phase ? (
            <>
              <Typography.Text type="secondary" data-testid="volunteer-import-phase">
                {t(`volunteerImport.phase.${stage.phase}`)} {stage.total ? `${stage.done} / ${stage.total}` : ''}
              </Typography.Text>
              <Progress percent={stage.total ? Math.floor((stage.done / stage.total) * 100) : 0} status="active" />
            </>
          ) : null}
        </div>
      ) : null}

      {result ? (
        <div data-testid="volunteer-import-result">
          {result.error ? (
            <Alert
              type="error"
              showIcon
              title={t('import.failed')}
              description={result.error.message}
              style={{ marginBottom: 16 }}
              role="alert"
            />
          ) : result.created > 0 ? (
            <Alert
              type="success"
              showIcon
              title={t('volunteerImport.created', { count: result.created })}
              description={result.invalid ? t('volunteerImport.skipped', { count: result.invalid }) : undefined}
              style={{ marginBottom: 16 }}
            />
          ) : result.invalid > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={t('volunteerImport.nothingWritten', { count: result.invalid })}
              description={result.valid ? t('volunteerImport.offerValid', { count: result.valid }) : undefined}
              style={{ marginBottom: 16 }}
              role="alert"
            />
          ) : (
            <Alert type="info" showIcon title={t('volunteerImport.empty')} style={{ marginBottom: 16 }} />
          )}
          <Flex wrap gap={40} justify="center" style={{ marginBottom: 16 }}>
            <Statistic title={t('volunteerImport.total')} value={result.total} />
            <Statistic title={t('volunteerImport.valid')} value={result.valid} />
            <Statistic
              title={t('volunteerImport.invalid')}
              value={result.invalid}
              styles={result.invalid ? { content: { color: '#cf1322' } } : undefined}
            />
            <Statistic title={t('volunteerImport.createdCount')} value={result.created} data-testid="volunteer-import-created" />
          </Flex>
          {result.rows.length ? (
            <ImportProblemTable
              rows={result.rows}
              fieldWidth={160}
              testId="volunteer-import-errors"
              title={
                result.rows.length >= 1000
                  ? t('volunteerImport.rowsFirst', { count: result.rows.length })
                  : t('import.rowsTitle', { count: result.rows.length })
              }
            />
          ) : null}
        </div>
      ) : null}

      {stage.kind === 'failed' ? (
        <ImportFailed message={stage.message} rows={stage.rows} fieldWidth={160} testId="volunteer-import" />
      ) : null}
    </Modal>
  );
}
