import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { FieldIssueCategory } from '../../../common/enums.ts';
import { useReportError } from '../../app/errors.ts';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { CategoryChips } from './CategoryChips.tsx';
import { DeadlineField, defaultDeadline } from './DeadlineField.tsx';
import { afterWrite, type CreateFieldIssueInput, type FieldIssueDetail } from './fieldIssues.api.ts';
import { PlacePicker, type PlaceMode } from './PlacePicker.tsx';

const COLUMN = { width: '100%', maxWidth: 560, margin: '0 auto' } as const;

interface Values {
  checkpointId?: string | null;
  regionId?: string | null;
  category?: FieldIssueCategory;
  title: string;
  description?: string;
  deadline: string;
}

function Section({ children }: { children: string }) {
  return (
    <Typography.Title level={5} style={{ margin: '4px 0 12px' }}>
      {children}
    </Typography.Title>
  );
}

/**
 * 报告问题: on a phone at the gate, or from an inspection's result. `?checkpointId=` (and the
 * visit's `?inspectionId=`) fix the place; otherwise it is picked here.
 */
export function RaiseIssuePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const report = useReportError();
  const create = useIdempotentCreate();
  const [params] = useSearchParams();
  const linkedCheckpoint = params.get('checkpointId');
  const inspectionId = params.get('inspectionId');
  const [fixed, setFixed] = useState(linkedCheckpoint !== null);
  const [mode, setMode] = useState<PlaceMode>('checkpoint');
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [initialValues] = useState<Partial<Values>>(() => ({ checkpointId: linkedCheckpoint, deadline: defaultDeadline() }));

  async function submit(v: Values) {
    setBusy(true);
    const body: CreateFieldIssueInput = {
      category: v.category!,
      title: v.title.trim(),
      description: v.description?.trim() || null,
      ...(v.checkpointId ? { checkpointId: v.checkpointId } : { regionId: v.regionId ?? undefined }),
      ...(fixed && inspectionId ? { inspectionId } : {}),
      deadline: v.deadline,
    };
    try {
      const created = await create<FieldIssueDetail>('/field-issues', body);
      void afterWrite(client, created);
      void message.success(t('fieldIssues.submitted', { ref: created.ref }));
      void navigate(`/field-issues/${created.id}`, { replace: true });
    } catch (e) {
      report(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={COLUMN}>
      <div style={{ marginBottom: 12 }}>
        <Link to="/field-issues" data-testid="raise-issue-back">
          <ArrowLeftOutlined /> {t('fieldIssues.back')}
        </Link>
      </div>
      <Card styles={{ body: { padding: 16 } }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('fieldIssues.newTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('fieldIssues.newIntro')}</Typography.Paragraph>
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={initialValues}
          scrollToFirstError={{ block: 'center' }}
          onFinish={(v) => void submit(v)}
          data-testid="raise-issue-form"
        >
          <Section>{t('fieldIssues.placeSection')}</Section>
          <PlacePicker
            mode={mode}
            onMode={setMode}
            fixed={fixed}
            fromVisit={inspectionId !== null}
            onRelease={() => {
              setFixed(false);
              form.setFieldValue('checkpointId', null);
            }}
          />
          <Form.Item
            name="category"
            label={t('fieldIssues.categoryLabel')}
            rules={[{ required: true, message: t('fieldIssues.categoryRequired') }]}
          >
            <CategoryChips testId="raise-issue-category" />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('fieldIssues.titleLabel')}
            rules={[{ required: true, whitespace: true, message: t('fieldIssues.titleRequired') }]}
          >
            <Input
              size="large"
              maxLength={60}
              showCount
              placeholder={t('fieldIssues.titlePlaceholder')}
              data-testid="raise-issue-title"
            />
          </Form.Item>
          <Form.Item name="description" label={t('fieldIssues.descriptionLabel')}>
            <Input.TextArea
              maxLength={2000}
              showCount
              autoSize={{ minRows: 3, maxRows: 10 }}
              placeholder={t('fieldIssues.descriptionPlaceholder')}
              data-testid="raise-issue-description"
            />
          </Form.Item>
          <Form.Item name="deadline" label={t('fieldIssues.deadlineLabel')} extra={t('fieldIssues.deadlineHint')}>
            <DeadlineField testId="raise-issue-deadline" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="raise-issue-submit">
            {t('fieldIssues.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
