import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ExcelImportModal, ImportCountsResult, sendXlsx } from '../../components/ExcelImportModal.tsx';
import { REGIONS_KEY, type ImportResult } from './regions.api.ts';

/**
 * The whole file is checked before anything is written: it is imported entirely or not at all,
 * and a refused file comes back with every bad row listed so it can be fixed in one pass.
 */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <ExcelImportModal<ImportResult>
      testId="import"
      title={t('import.title')}
      intro={t('import.intro')}
      templatePath="/regions/import-template"
      templateFile={t('import.templateFile')}
      width={720}
      fieldWidth={140}
      send={sendXlsx('/regions/import')}
      onDone={() => client.invalidateQueries({ queryKey: [REGIONS_KEY] })}
      renderResult={(result) => <ImportCountsResult {...result} />}
      onClose={onClose}
    />
  );
}
