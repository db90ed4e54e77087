import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** A list that failed to load says why (in the server's words) and offers to try again. */
export function QueryError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={t('app.loadFailed')}
      description={error.message}
      action={
        <Button size="small" onClick={onRetry} data-testid="query-retry">
          {t('common.retry')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
