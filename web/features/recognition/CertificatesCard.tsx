import { PrinterOutlined, SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDate } from '../../app/dates.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import type { Volunteer } from '../volunteers/volunteers.api.ts';
import { IssueCertificateModal, RevokeCertificateModal } from './CertificateDialogs.tsx';
import { formatHours, groupCode } from './certificateText.ts';
import { useCertificates, type Certificate } from './recognition.api.ts';

/** 服务证明 on the volunteer's page: the certificates issued so far, printing, revoking and issuing one. */
export function CertificatesCard({ volunteer, canWrite }: { volunteer: Volunteer; canWrite: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const certificates = useCertificates(volunteer.id);
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<Certificate | null>(null);
  return (
    <Card
      title={t('recognition.certificates.title')}
      extra={
        canWrite ? (
          <Button
            size="small"
            icon={<SafetyCertificateOutlined />}
            onClick={() => setIssuing(true)}
            data-testid="certificate-issue-open"
          >
            {t('recognition.certificates.issue')}
          </Button>
        ) : null
      }
      data-testid="volunteer-certificates"
    >
      {certificates.isError ? <QueryError error={certificates.error} onRetry={() => void certificates.refetch()} /> : null}
      <Table<Certificate>
        size="small"
        rowKey="id"
        loading={certificates.isFetching}
        dataSource={certificates.data ?? []}
        pagination={(certificates.data?.length ?? 0) > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('recognition.certificates.empty') }}
        columns={[
          {
            key: 'code',
            title: t('recognition.certificates.code'),
            render: (_: unknown, c: Certificate) => (
              <Typography.Text code data-testid={`certificate-code-${c.id}`}>
                {groupCode(c.code)}
              </Typography.Text>
            ),
          },
          {
            key: 'period',
            title: t('recognition.certificates.period'),
            render: (_: unknown, c: Certificate) => `${c.periodFrom} ~ ${c.periodTo}`,
          },
          {
            key: 'hours',
            title: t('recognition.certificates.hours'),
            align: 'right',
            render: (_: unknown, c: Certificate) => formatHours(c.content.hours),
          },
          {
            key: 'issued',
            title: t('recognition.certificates.issuedOn'),
            render: (_: unknown, c: Certificate) => formatDate(c.issuedAt),
          },
          {
            key: 'status',
            title: t('recognition.certificates.status'),
            render: (_: unknown, c: Certificate) =>
              c.revokedAt ? (
                <Flex vertical gap={2} data-testid={`certificate-status-${c.id}`}>
                  <Tag color="default" style={{ width: 'fit-content' }}>
                    {t('recognition.certificates.revoked')}
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                    {formatDate(c.revokedAt)} · {c.revokedReason}
                  </Typography.Text>
                </Flex>
              ) : (
                <Tag color="green" data-testid={`certificate-status-${c.id}`}>
                  {t('recognition.certificates.valid')}
                </Tag>
              ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, c: Certificate) => (
              <Flex gap={4}>
                <RowAction
                  icon={<PrinterOutlined />}
                  label={t('recognition.certificates.print')}
                  onClick={() => void navigate(`/certificates/${c.id}/print`)}
                  testId={`certificate-print-${c.id}`}
                />
                {canWrite && !c.revokedAt ? (
                  <RowAction
                    icon={<StopOutlined />}
                    danger
                    label={t('recognition.certificates.revoke')}
                    onClick={() => setRevoking(c)}
                    testId={`certificate-revoke-${c.id}`}
                  />
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
      {issuing ? <IssueCertificateModal volunteer={volunteer} onClose={() => setIssuing(false)} /> : null}
      {revoking ? <RevokeCertificateModal certificate={revoking} onClose={() => setRevoking(null)} /> : null}
    </Card>
  );
}
