import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportCounts } from '../../../server/features/checkpoints/checkpoints.schemas.ts';
import { ExcelImportModal, ImportCountsResult, sendXlsx } from '../../components/ExcelImportModal.tsx';
import { CHECKPOINTS_KEY } from './checkpoints.api.ts';

/**
 * The whole file is checked before anything is written: imported entirely or not at all, and a
 * refused file comes back with every bad row listed so it can be fixed in one pass. A checkpoint
 * with the name of one already in its region is updated, so an exported file re-imports unchanged.
 */
export function CheckpointImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <ExcelImportModal<ImportCounts>
      testId="checkpoint-import"
      title={t('checkpoints.importTitle')}
      intro={t('checkpoints.importIntro')}
      templatePath="/checkpoints/import-template"
      templateFile={t('checkpoints.importTemplateFile')}
      width={760}
      fieldWidth={140}
      send={sendXlsx('/checkpoints/import')}
      onDone={() => client.invalidateQueries({ queryKey: [CHECKPOINTS_KEY] })}
      renderResult={(result) => <ImportCountsResult {...result} testId="checkpoint-import" />}
      onClose={onClose}
    />
  );
}
