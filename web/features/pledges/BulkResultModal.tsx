import { Alert, Button, Flex, Modal, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulkDecisionResult, Pledge } from './pledges.api.ts';

interface Row {
  id: string;
  reference: string;
  name: string;
  message?: string;
  login?: string;
  password?: string;
}

/**
 * What a bulk decision did to each pledge. New accounts' one-time passwords are shown here once,
 * so the dialog closes only by its button.
 */
export function BulkResultModal({
  value,
  onClose,
}: {
  value: { result: BulkDecisionResult; pledges: Pledge[] } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  if (!value) return null;
  const byId = new Map(value.pledges.map((p) => [p.id, p]));
  const rows: Row[] = value.result.results.map((r) => ({
    id: r.id,
    reference: byId.get(r.id)?.reference ?? r.id,
    name: byId.get(r.id)?.name ?? '',
    message: r.error?.message,
    login: r.account?.login,
    password: r.account?.initialPassword,
  }));
  const failed = rows.filter((r) => r.message);
  const accounts = rows.filter((r) => r.password);
  return (
    <Modal
      open
      title={t('pledges.bulkResultTitle')}
      mask={{ closable: false }}
      keyboard={false}
      closable={false}
      width={680}
      footer={
        <Button type="primary" onClick={onClose} data-testid="bulk-result-close">
          {accounts.length ? t('accounts.initialPasswordClose') : t('common.close')}
        </Button>
      }
    >
      <Flex wrap gap={48} justify="center" style={{ marginBottom: 16 }} data-testid="bulk-result">
        <Statistic title={t('pledges.bulkOk')} value={rows.length - failed.length} styles={{ content: { color: '#389e0d' } }} />
        <Statistic
          title={t('pledges.bulkFailed')}
          value={failed.length}
          styles={failed.length ? { content: { color: '#cf1322' } } : undefined}
        />
      </Flex>
      {failed.length ? (
        <Table<Row>
          size="small"
          rowKey="id"
          title={() => t('pledges.bulkFailures')}
          dataSource={failed}
          pagination={false}
          scroll={{ x: 480 }}
          columns={[
            { title: t('pledge.reference'), dataIndex: 'reference', width: 120 },
            { title: t('person.name'), dataIndex: 'name', width: 100 },
            { title: t('import.reason'), dataIndex: 'message' },
          ]}
          data-testid="bulk-result-failures"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {accounts.length ? (
        <>
          <Alert type="warning" showIcon title={t('pledges.bulkAccounts')} style={{ marginBottom: 8 }} />
          <Table<Row>
            size="small"
            rowKey="id"
            dataSource={accounts}
            pagination={false}
            scroll={{ x: 420 }}
            columns={[
              { title: t('person.name'), dataIndex: 'name' },
              { title: t('accounts.login'), dataIndex: 'login' },
              {
                title: t('accounts.initialPasswordTitle'),
                dataIndex: 'password',
                render: (p: string) => (
                  <Typography.Text code copyable>
                    {p}
                  </Typography.Text>
                ),
              },
            ]}
            data-testid="bulk-result-accounts"
          />
        </>
      ) : null}
    </Modal>
  );
}
