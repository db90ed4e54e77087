import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormModal } from '../../components/FormModal.tsx';
import { useRegionTree, type RegionNode } from '../regions/regions.api.ts';
import { today } from '../volunteers/VolunteerDialogs.tsx';
import type { Volunteer } from '../volunteers/volunteers.api.ts';
import { groupCode } from './certificateText.ts';
import { RECOGNITION_KEY, revokeCertificate, useIssueCertificate, type Certificate } from './recognition.api.ts';

/** The regions from the top of `nodes` down to `id`, or null when `id` is not under them. */
function pathTo(nodes: RegionNode[], id: string): RegionNode[] | null {
  for (const node of nodes) {
    if (node.id === id) return [node];
    const below = pathTo(node.children, id);
    if (below) return [node, ...below];
  }
  return null;
}

/**
 * Who usually signs a volunteer's certificate: the epidemic command of their county (a county runs
 * the campaign); the volunteer's own region when the caller's tree does not reach up to the county.
 */
function useDefaultIssuer(volunteer: Volunteer): string | null {
  const { t } = useTranslation();
  const tree = useRegionTree();
  return useMemo(() => {
    if (!tree.data) return null;
    const path = pathTo(tree.data, volunteer.regionId) ?? [];
    const county = path.find((r) => r.level === 'county');
    return t('recognition.certificates.issuerDefault', { region: county?.name ?? volunteer.regionName });
  }, [tree.data, volunteer.regionId, volunteer.regionName, t]);
}

interface IssueForm {
  period?: [Dayjs | null, Dayjs | null] | null;
  issuer: string;
}

/** Issues a certificate from the service record and opens it to print. */
export function IssueCertificateModal({ volunteer, onClose }: { volunteer: Volunteer; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const issue = useIssueCertificate(volunteer.id);
  const [form] = Form.useForm<IssueForm>();
  const defaultIssuer = useDefaultIssuer(volunteer);
  // The region tree may arrive after the dialog opened; a name already typed is kept.
  useEffect(() => {
    if (defaultIssuer && !form.isFieldTouched('issuer')) form.setFieldValue('issuer', defaultIssuer);
  }, [defaultIssuer, form]);

  async function submit(v: IssueForm) {
    const [from, to] = v.period ?? [];
    const certificate = await issue.mutateAsync({
      issuer: v.issuer.trim(),
      ...(from ? { from: from.format('YYYY-MM-DD') } : {}),
      ...(to ? { to: to.format('YYYY-MM-DD') } : {}),
    });
    void navigate(`/certificates/${certificate.id}/print`);
  }

  return (
    <FormModal<IssueForm>
      form={form}
      title={t('recognition.certificates.issueTitle', { name: volunteer.name })}
      testId="certificate-issue"
      onClose={onClose}
      submit={submit}
      invalidate={[RECOGNITION_KEY]}
      success={t('recognition.certificates.issued')}
      okText={t('recognition.certificates.issueOk')}
    >
      <Form.Item name="period" label={t('recognition.certificates.period')} extra={t('recognition.certificates.periodHint')}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          disabledDate={(d) => d.isAfter(today(), 'day')}
          placeholder={[t('recognition.certificates.fromFirst'), t('recognition.certificates.toToday')]}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item
        name="issuer"
        label={t('recognition.certificates.issuer')}
        extra={t('recognition.certificates.issuerHint')}
        rules={[{ required: true, whitespace: true, message: t('auth.required') }]}
      >
        <Input maxLength={60} showCount data-testid="certificate-issue-issuer" />
      </Form.Item>
    </FormModal>
  );
}

/** Revokes a certificate with the reason kept beside it; the public check then says 已作废. */
export function RevokeCertificateModal({ certificate, onClose }: { certificate: Certificate; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<{ reason: string }>
      title={t('recognition.certificates.revokeTitle', { code: groupCode(certificate.code) })}
      testId="certificate-revoke"
      onClose={onClose}
      submit={(v) => revokeCertificate(certificate.id, v.reason.trim())}
      invalidate={[RECOGNITION_KEY]}
      success={t('recognition.certificates.revokedNotice')}
      okText={t('recognition.certificates.revokeOk')}
      intro={<p>{t('recognition.certificates.revokeIntro')}</p>}
    >
      <Form.Item
        name="reason"
        label={t('recognition.certificates.revokeReason')}
        rules={[{ required: true, whitespace: true, message: t('auth.required') }]}
      >
        <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2 }} data-testid="certificate-revoke-reason" />
      </Form.Item>
    </FormModal>
  );
}
