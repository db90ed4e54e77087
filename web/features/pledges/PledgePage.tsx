import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Checkbox, Divider, Flex, Form, Input, Radio, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReportError } from '../../app/errors.ts';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { QrCode } from '../../components/QrCode.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { AuthCard } from '../auth/AuthCard.tsx';
import { EMPTY_PERSON, placePersonErrors, toPersonInput, type PersonFormValues } from '../volunteers/person.ts';
import { PersonFields } from '../volunteers/PersonFields.tsx';
import { usePledgeForm, type PledgeInput, type PledgeReceipt } from './pledges.api.ts';

interface PledgeFormValues extends PersonFormValues {
  healthFever?: boolean;
  healthRiskContact?: boolean;
  healthNote?: string;
  pledgeText?: string;
  truthful?: boolean;
}

export const statusPath = (token: string) => `/pledge/status/${encodeURIComponent(token)}`;

function Section({ children }: { children: string }) {
  return (
    <Divider titlePlacement="start" style={{ marginTop: 8 }}>
      {children}
    </Divider>
  );
}

/** 是 / 否 as two big buttons: a health answer is given on purpose, never by default. */
function YesNo({ testId, value, onChange }: { testId: string; value?: boolean; onChange?: (v: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      value={value}
      onChange={(e) => onChange?.(e.target.value as boolean)}
      optionType="button"
      buttonStyle="solid"
      options={[
        { value: true, label: <span data-testid={`${testId}-yes`}>{t('common.yes')}</span> },
        { value: false, label: <span data-testid={`${testId}-no`}>{t('common.no')}</span> },
      ]}
    />
  );
}

function Receipt({ receipt, onAnother }: { receipt: PledgeReceipt; onAnother: () => void }) {
  const { t } = useTranslation();
  const path = receipt.statusToken ? statusPath(receipt.statusToken) : null;
  const url = path ? `${window.location.origin}${path}` : null;
  return (
    <Result
      icon={<CheckCircleFilled style={{ color: '#52c41a' }} />}
      title={t('pledge.doneTitle')}
      subTitle={t('pledge.doneIntro')}
      style={{ padding: '8px 0' }}
      extra={
        <Flex vertical align="center" gap={12}>
          <div>
            <Typography.Text type="secondary">{t('pledge.reference')}</Typography.Text>
            <Typography.Title level={2} copyable style={{ margin: 0, letterSpacing: 2 }} data-testid="pledge-reference">
              {receipt.reference}
            </Typography.Title>
          </div>
          {path && url ? (
            <>
              <Alert type="warning" showIcon title={t('pledge.keepLink')} style={{ textAlign: 'start' }} />
              <QrCode text={url} size={180} alt={t('pledge.statusQr')} testId="pledge-status-qr" />
              <Typography.Paragraph copyable={{ text: url }} style={{ wordBreak: 'break-all', marginBottom: 0 }}>
                <Link to={path} data-testid="pledge-status-link">
                  {url}
                </Link>
              </Typography.Paragraph>
            </>
          ) : (
            // A retried submission that had in fact arrived: the link was in the first answer, which never came back.
            <Alert
              type="info"
              showIcon
              title={t('pledge.linkLost')}
              style={{ textAlign: 'start' }}
              data-testid="pledge-link-lost"
            />
          )}
          <Button onClick={onAnother} data-testid="pledge-another">
            {t('pledge.another')}
          </Button>
        </Flex>
      }
    />
  );
}

/** The public pledge page (请战书): no account, opened from a link or a QR code, made for a phone. */
export function PledgePage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<PledgeFormValues>();
  const data = usePledgeForm();
  const create = useIdempotentCreate();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<PledgeReceipt | null>(null);
  const fever = Form.useWatch('healthFever', form);
  const risk = Form.useWatch('healthRiskContact', form);

  async function submit(values: PledgeFormValues) {
    setBusy(true);
    const body: PledgeInput = {
      ...toPersonInput(values),
      healthFever: values.healthFever!,
      healthRiskContact: values.healthRiskContact!,
      healthNote: values.healthNote?.trim() || null,
      pledgeText: values.pledgeText?.trim() || null,
    };
    try {
      setReceipt(await create<PledgeReceipt>('/pledges', body));
      window.scrollTo({ top: 0 });
    } catch (e) {
      report(placePersonErrors(e), form);
      const first = form.getFieldsError().find((f) => f.errors.length);
      if (first) form.scrollToField(first.name, { block: 'center' });
    } finally {
      setBusy(false);
    }
  }

  function another() {
    form.resetFields();
    setReceipt(null);
  }

  const answer = { required: true, message: t('pledge.answerRequired') };
  let content;
  if (receipt) content = <Receipt receipt={receipt} onAnother={another} />;
  else if (data.isError) content = <QueryError error={data.error} onRetry={() => void data.refetch()} />;
  else if (!data.data) content = <Skeleton active paragraph={{ rows: 12 }} />;
  else
    content = (
      <>
        <Typography.Paragraph type="secondary">{t('pledge.intro')}</Typography.Paragraph>
        <Form<PledgeFormValues>
          form={form}
          layout="vertical"
          requiredMark
          initialValues={EMPTY_PERSON}
          scrollToFirstError={{ block: 'center' }}
          onFinish={(v) => void submit(v)}
          data-testid="pledge-form"
        >
          <Section>{t('pledge.sectionPerson')}</Section>
          <PersonFields units={data.data.units} tree={data.data.regions} testId="pledge" />
          <Section>{t('pledge.sectionHealth')}</Section>
          <Form.Item name="healthFever" label={t('pledge.healthFever')} rules={[answer]}>
            <YesNo testId="pledge-fever" />
          </Form.Item>
          <Form.Item name="healthRiskContact" label={t('pledge.healthRiskContact')} rules={[answer]}>
            <YesNo testId="pledge-risk" />
          </Form.Item>
          {fever || risk ? (
            <Alert type="warning" showIcon title={t('pledge.healthWarning')} style={{ marginBottom: 16 }} />
          ) : null}
          <Form.Item name="healthNote" label={t('pledge.healthNote')}>
            <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2 }} data-testid="pledge-health-note" />
          </Form.Item>
          <Section>{t('pledge.sectionPledge')}</Section>
          <Form.Item name="pledgeText" label={t('pledge.pledgeText')}>
            <Input.TextArea
              maxLength={2000}
              showCount
              autoSize={{ minRows: 4, maxRows: 12 }}
              placeholder={t('pledge.pledgeTextHint')}
              data-testid="pledge-text"
            />
          </Form.Item>
          <Form.Item
            name="truthful"
            valuePropName="checked"
            rules={[{ validator: async (_, v) => (v ? undefined : Promise.reject(new Error(t('pledge.truthfulRequired')))) }]}
          >
            <Checkbox data-testid="pledge-truthful">{t('pledge.truthful')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="pledge-submit">
            {t('pledge.submit')}
          </Button>
        </Form>
      </>
    );

  return (
    <AuthCard title={t('pledge.title')} width={720}>
      {content}
    </AuthCard>
  );
}
