import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The red-vest mark is drawn here, not fetched: the app loads nothing from outside the server. */
export function Brand({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={8} style={{ minWidth: 0 }}>
      <span
        aria-hidden
        style={{
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          width: 28,
          height: 28,
          flex: 'none',
          borderRadius: 6,
          background: '#c41d1d',
          color: '#fff',
          fontWeight: 700,
          fontSize: 16,
        }}
      >
        红
      </span>
      <Flex vertical style={{ minWidth: 0, lineHeight: 1.2 }}>
        <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Typography.Text>
        {compact ? null : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('app.title')}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}
