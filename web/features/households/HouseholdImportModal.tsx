import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExcelImportModal, ImportCountsResult, sendXlsx } from '../../components/ExcelImportModal.tsx';
import { HOUSEHOLDS_KEY, type ImportCounts } from './households.api.ts';

/**
 * The file is checked first (a dry run that writes nothing and says what would change); the same
 * file is then sent again to be written, all of it or nothing. Refused files list every bad row.
 */
export function HouseholdImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <ExcelImportModal<ImportCounts>
      testId="household-import"
      title={t('households.importTitle')}
      intro={t('households.importIntro')}
      templatePath="/households/import-template"
      templateFile={t('households.importTemplateFile')}
      width={760}
      fieldWidth={150}
      send={sendXlsx('/households/import?dryRun=true')}
      onDone={async (result) => {
        if (!result.dryRun) await client.invalidateQueries({ queryKey: [HOUSEHOLDS_KEY] });
      }}
      renderResult={(result) =>
        result.dryRun ? (
          <Alert
            type={result.created + result.updated > 0 ? 'info' : 'success'}
            showIcon
            title={result.created + result.updated > 0 ? t('households.importPreview', result) : t('households.importNothing')}
            data-testid="household-import-preview"
          />
        ) : (
          <ImportCountsResult {...result} testId="household-import" />
        )
      }
      footerExtra={(result, start) =>
        result?.dryRun && result.created + result.updated > 0 ? (
          <Button type="primary" onClick={() => start(sendXlsx('/households/import'))} data-testid="household-import-commit">
            {t('households.importCommit')}
          </Button>
        ) : null
      }
      onClose={onClose}
    />
  );
}
