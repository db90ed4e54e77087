import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { platformTimeZone } from '../../app/dates.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { REPORTS_KEY, useGenerateReport } from './reports.api.ts';

interface Values {
  regionId: string;
  day: Dayjs;
}

/** Picks a region and a day (today or earlier), generates, and opens the new report. */
export function GenerateReportModal({ regionId, onClose }: { regionId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const generate = useGenerateReport();
  const today = dayjs().tz(platformTimeZone());
  return (
    <FormModal<Values>
      title={t('reports.generateTitle')}
      testId="report-generate"
      onClose={onClose}
      invalidate={[REPORTS_KEY]}
      success={t('reports.generated')}
      okText={t('reports.generate')}
      intro={t('reports.generateHint')}
      initialValues={{ regionId: regionId ?? undefined, day: today }}
      submit={async (v) => {
        const report = await generate.mutateAsync({ regionId: v.regionId, day: v.day.format('YYYY-MM-DD') });
        void navigate(`/reports/daily/${report.id}`);
      }}
    >
      <Form.Item name="regionId" label={t('reports.region')} rules={[{ required: true }]}>
        <RegionTreeSelect testId="report-generate-region" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="day" label={t('reports.day')} rules={[{ required: true }]}>
        <DatePicker
          disabledDate={(d) => d.format('YYYY-MM-DD') > today.format('YYYY-MM-DD')}
          style={{ width: '100%' }}
          data-testid="report-generate-day"
        />
      </Form.Item>
    </FormModal>
  );
}
