import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Progress, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { useMe } from '../../app/session.ts';
import { ExcelImportModal, type ImportSend } from '../../components/ExcelImportModal.tsx';
import { ImportProblemTable, XLSX_TYPE } from '../../components/ImportParts.tsx';
import { uploadNdjson } from '../../components/ndjsonUpload.ts';
import { VOLUNTEERS_KEY, type ImportPhase, type ImportProgressLine, type ImportResultLine } from './volunteers.api.ts';

/** What the server says it is doing, line by line, once the file is up. */
interface Phase {
  phase: ImportPhase;
  done: number;
  total: number;
}

/**
 * The roster import. The whole file is checked first and nothing is written while a row is wrong;
 * the operator then fixes the file, or chooses to import only the valid rows. The server reports
 * its progress line by line, which matters for 10,000 rows on a county office's connection.
 */
export function VolunteerImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const csrfToken = useMe().data?.csrfToken ?? null;

  function send(onlyValid: boolean): ImportSend<ImportResultLine, Phase> {
    return async (file, onProgress) => {
      let result: ImportResultLine | null = null;
      await uploadNdjson({
        path: onlyValid ? '/volunteers/import?onlyValid=true' : '/volunteers/import',
        file,
        contentType: XLSX_TYPE,
        csrfToken,
        onUploadProgress: (percent) => onProgress(percent),
        onLine: (line) => {
          const l = line as ImportProgressLine | ImportResultLine;
          if (l.type === 'progress') onProgress(100, { phase: l.phase, done: l.done, total: l.total });
          else if (l.type === 'result') result = l;
        },
      });
      if (!result) throw new ApiError(0, 'INCOMPLETE', t('volunteerImport.incomplete'));
      return result;
    };
  }

  async function onDone(result: ImportResultLine) {
    if (result.created > 0) {
      await client.invalidateQueries({ queryKey: [VOLUNTEERS_KEY] });
      void message.success(t('volunteerImport.createdToast', { count: result.created }));
    }
  }

  return (
    <ExcelImportModal<ImportResultLine, Phase>
      testId="volunteer-import"
      title={t('volunteerImport.title')}
      intro={t('volunteerImport.intro')}
      templatePath="/volunteers/import-template"
      templateFile={t('volunteerImport.templateFile')}
      width={760}
      fieldWidth={160}
      send={send(false)}
      onDone={onDone}
      footerExtra={(result, start) =>
        result && result.created === 0 && result.invalid > 0 && result.valid > 0 ? (
          <Button type="primary" onClick={() => start(send(true))} data-testid="volunteer-import-only-valid">
            {t('volunteerImport.onlyValid', { count: result.valid })}
          </Button>
        ) : null
      }
      renderProgress={(percent, phase) => (
        <>
          <Typography.Text type="secondary">
            {percent < 100 || phase ? t('volunteerImport.uploading') : t('volunteerImport.processing')}
          </Typography.Text>
          <Progress percent={percent} status={percent < 100 ? 'active' : 'success'} />
          {phase ? (
            <>
              <Typography.Text type="secondary" data-testid="volunteer-import-phase">
                {t(`volunteerImport.phase.${phase.phase}`)} {phase.total ? `${phase.done} / ${phase.total}` : ''}
              </Typography.Text>
              <Progress percent={phase.total ? Math.floor((phase.done / phase.total) * 100) : 0} status="active" />
            </>
          ) : null}
        </>
      )}
      renderResult={(result) => (
        <>
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
        </>
      )}
      onClose={onClose}
    />
  );
}
