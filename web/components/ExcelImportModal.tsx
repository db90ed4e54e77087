/**
 * The dialog every spreadsheet import uses: template, file picker, upload with progress, then the
 * result or the refused rows. The feature supplies how the file is sent and how its result reads.
 */
import { Alert, Button, Flex, Modal, Progress, Statistic, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, upload, type ImportRowProblem } from '../app/api.ts';
import { useReportError } from '../app/errors.ts';
import { ImportFailed, TemplateButton, XLSX_TYPE, XlsxPicker } from './ImportParts.tsx';

/** Reports the upload's percent and, for routes that stream their work, what the server is doing. */
export type ImportProgress<D> = (percent: number, detail?: D) => void;

/** Sends the picked file; throws an `ApiError` (with its bad rows) when the file is refused. */
export type ImportSend<R, D> = (file: File, onProgress: ImportProgress<D>) => Promise<R>;

type Stage<R, D> =
  | { kind: 'pick' }
  | { kind: 'uploading'; percent: number; detail: D | null }
  | { kind: 'done'; result: R }
  | { kind: 'failed'; message: string; rows: ImportRowProblem[] };

/** A plain upload to `path` that answers with one JSON result. */
export function sendXlsx<R>(path: string): ImportSend<R, never> {
  return (file, onProgress) => upload<R>(path, file, XLSX_TYPE, (percent) => onProgress(percent));
}

/**
 * Test ids are `${testId}-template`, `-file`, `-upload`, `-progress`, `-result`, `-again`, `-close`
 * and, for a refused file, `-failed` and `-errors`.
 */
export function ExcelImportModal<R, D = never>({
  testId,
  title,
  intro,
  templatePath,
  templateFile,
  width,
  fieldWidth,
  send,
  onDone,
  renderProgress,
  renderResult,
  footerExtra,
  onClose,
}: {
  testId: string;
  title: string;
  intro: string;
  templatePath: string;
  templateFile: string;
  width: number;
  /** Width of the column naming the bad field in the refused-rows table. */
  fieldWidth: number;
  send: ImportSend<R, D>;
  /** Runs once the result is shown: refresh the lists the import changed. */
  onDone: (result: R) => Promise<void> | void;
  /** The progress area's content; a plain upload bar when not given. */
  renderProgress?: (percent: number, detail: D | null) => ReactNode;
  renderResult: (result: R) => ReactNode;
  /** Buttons before the standard ones; `start` sends the same file another way. */
  footerExtra?: (result: R | null, start: (send: ImportSend<R, D>) => void) => ReactNode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const report = useReportError();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage<R, D>>({ kind: 'pick' });

  async function start(sendWith: ImportSend<R, D>) {
    if (!file) return;
    setStage({ kind: 'uploading', percent: 0, detail: null });
    try {
      const result = await sendWith(file, (percent, detail) =>
        // Upload progress alone keeps what the server last said it was doing.
        setStage((s) => ({ kind: 'uploading', percent, detail: detail ?? (s.kind === 'uploading' ? s.detail : null) })),
      );
      setStage({ kind: 'done', result });
      await onDone(result);
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

  return (
    <Modal
      open
      title={title}
      onCancel={busy ? undefined : onClose}
      closable={!busy}
      mask={{ closable: !busy }}
      width={width}
      footer={
        <Flex wrap gap={8} justify="flex-end">
          {footerExtra?.(stage.kind === 'done' ? stage.result : null, (sendWith) => void start(sendWith))}
          {finished ? (
            <Button onClick={again} data-testid={`${testId}-again`}>
              {t('import.again')}
            </Button>
          ) : (
            <Button
              type="primary"
              disabled={!file}
              loading={busy}
              onClick={() => void start(send)}
              data-testid={`${testId}-upload`}
            >
              {t('import.upload')}
            </Button>
          )}
          <Button onClick={onClose} disabled={busy} data-testid={`${testId}-close`}>
            {t('common.close')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph>{intro}</Typography.Paragraph>
      <TemplateButton path={templatePath} fileName={templateFile} testId={`${testId}-template`} />

      {finished ? null : <XlsxPicker file={file} onChange={setFile} disabled={busy} testId={`${testId}-file`} />}

      {stage.kind === 'uploading' ? (
        <div style={{ marginTop: 16 }} data-testid={`${testId}-progress`} aria-live="polite">
          {renderProgress ? (
            renderProgress(stage.percent, stage.detail)
          ) : (
            <>
              <Typography.Text type="secondary">{t('import.uploading')}</Typography.Text>
              <Progress percent={stage.percent} status="active" />
            </>
          )}
        </div>
      ) : null}

      {stage.kind === 'done' ? <div data-testid={`${testId}-result`}>{renderResult(stage.result)}</div> : null}

      {stage.kind === 'failed' ? (
        <ImportFailed message={stage.message} rows={stage.rows} fieldWidth={fieldWidth} testId={testId} />
      ) : null}
    </Modal>
  );
}

/** The result of an import that creates, updates or leaves rows (`${testId}-created`, … when given). */
export function ImportCountsResult({
  created,
  updated,
  unchanged,
  testId,
}: {
  created: number;
  updated: number;
  unchanged: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="success" showIcon title={t('import.done')} style={{ marginBottom: 16 }} />
      <Flex wrap gap={48} justify="center">
        <Statistic title={t('import.created')} value={created} data-testid={testId && `${testId}-created`} />
        <Statistic title={t('import.updated')} value={updated} data-testid={testId && `${testId}-updated`} />
        <Statistic title={t('import.unchanged')} value={unchanged} data-testid={testId && `${testId}-unchanged`} />
      </Flex>
    </>
  );
}
