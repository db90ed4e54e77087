import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Descriptions, Flex, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { AuthCard } from '../auth/AuthCard.tsx';
import { formatHours, groupCode, normaliseCode } from './certificateText.ts';
import { CERTIFICATE_CODE, useCertificateCheck, type CertificateCheck } from './recognition.api.ts';

function Verdict({ check }: { check: CertificateCheck }) {
  const { t } = useTranslation();
  const valid = check.valid;
  const Icon = valid ? CheckCircleFilled : CloseCircleFilled;
  return (
    <Flex
      vertical
      align="center"
      gap={4}
      style={{
        padding: '16px 12px',
        borderRadius: 8,
        background: valid ? '#f6ffed' : '#fff1f0',
        border: `1px solid ${valid ? '#b7eb8f' : '#ffa39e'}`,
        textAlign: 'center',
      }}
    >
      <Icon style={{ fontSize: 44, color: valid ? '#52c41a' : '#cf1322' }} />
      <Typography.Title level={3} style={{ margin: 0, color: valid ? '#389e0d' : '#cf1322' }} data-testid="check-verdict">
        {valid ? t('recognition.check.valid') : t('recognition.check.revoked')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {valid ? t('recognition.check.validHint') : t('recognition.check.revokedHint', { date: check.revokedOn ?? '' })}
      </Typography.Text>
    </Flex>
  );
}

/** The page behind a certificate's QR code: anyone with the paper checks it on a phone, no account. */
export function CertificateCheckPage() {
  const { t } = useTranslation();
  const code = normaliseCode(useParams().code ?? '');
  const check = useCertificateCheck(code);
  const notFound = (
    <Result
      status="404"
      title={t('recognition.check.notFound')}
      subTitle={t('recognition.check.notFoundHint')}
      data-testid="check-not-found"
    />
  );

  let content;
  if (!CERTIFICATE_CODE.test(code)) content = notFound;
  else if (check.isError)
    content =
      check.error instanceof ApiError && check.error.status === 404 ? (
        notFound
      ) : (
        <QueryError error={check.error} onRetry={() => void check.refetch()} />
      );
  else if (!check.data) content = <Skeleton active />;
  else {
    const c = check.data;
    content = (
      <Flex vertical gap={16}>
        <Verdict check={c} />
        <Descriptions
          column={1}
          size="small"
          bordered
          styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
          data-testid="check-details"
          items={[
            { key: 'code', label: t('recognition.check.code'), children: groupCode(c.code) },
            { key: 'name', label: t('recognition.check.name'), children: <span data-testid="check-name">{c.name}</span> },
            ...(c.unitName ? [{ key: 'unit', label: t('recognition.check.unit'), children: c.unitName }] : []),
            { key: 'region', label: t('recognition.check.region'), children: c.regionName },
            { key: 'period', label: t('recognition.check.period'), children: `${c.periodFrom} ~ ${c.periodTo}` },
            {
              key: 'hours',
              label: t('recognition.check.hours'),
              children: t('recognition.check.hoursValue', { hours: formatHours(c.hours), entries: c.entries }),
            },
            ...(c.commendations.length
              ? [
                  {
                    key: 'commendations',
                    label: t('recognition.check.commendations'),
                    children: (
                      <Flex vertical gap={2}>
                        {c.commendations.map((title, i) => (
                          <span key={i}>{title}</span>
                        ))}
                      </Flex>
                    ),
                  },
                ]
              : []),
            { key: 'issuer', label: t('recognition.check.issuer'), children: c.issuer },
            { key: 'issuedOn', label: t('recognition.check.issuedOn'), children: c.issuedOn },
          ]}
        />
      </Flex>
    );
  }
  return (
    <AuthCard title={t('recognition.check.title')} width={440}>
      {content}
    </AuthCard>
  );
}
