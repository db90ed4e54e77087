import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select, Switch, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPLY_CATEGORIES, type SupplyCategory } from '../../../common/enums.ts';
import { SUPPLY_CATEGORY_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { SUPPLIES_KEY, useItems, type Item } from './supplies.api.ts';

type ItemForm = Pick<Item, 'code' | 'nameZh' | 'nameEn' | 'unitZh' | 'unitEn' | 'category'>;

function ItemFormModal({ item, onClose }: { item: Item | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useIdempotentCreate();
  const required = [{ required: true, whitespace: true, message: t('supplies.required') }];
  async function submit(v: ItemForm) {
    const names = {
      nameZh: v.nameZh.trim(),
      nameEn: v.nameEn.trim(),
      unitZh: v.unitZh.trim(),
      unitEn: v.unitEn.trim(),
      category: v.category,
    };
    if (item) await api.patch(`/supplies/items/${item.id}`, names);
    else await create('/supplies/items', { ...names, code: v.code.trim() });
  }
  return (
    <FormModal<ItemForm>
      title={item ? t('supplies.items.editTitle') : t('supplies.items.createTitle')}
      testId="item-form"
      onClose={onClose}
      submit={submit}
      invalidate={[SUPPLIES_KEY]}
      initialValues={item ?? { category: 'protective' as SupplyCategory }}
    >
      {item ? null : (
        <Form.Item name="code" label={t('supplies.items.code')} extra={t('supplies.items.codeHint')} rules={required}>
          <Input maxLength={40} data-testid="item-form-code" />
        </Form.Item>
      )}
      <Flex wrap style={{ columnGap: 16 }}>
        <Form.Item name="nameZh" label={t('supplies.items.nameZh')} rules={required} style={{ flex: '1 1 200px' }}>
          <Input maxLength={40} data-testid="item-form-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('supplies.items.nameEn')} rules={required} style={{ flex: '1 1 200px' }}>
          <Input maxLength={60} data-testid="item-form-name-en" />
        </Form.Item>
      </Flex>
      <Flex wrap style={{ columnGap: 16 }}>
        <Form.Item name="unitZh" label={t('supplies.items.unitZh')} rules={required} style={{ flex: '1 1 120px' }}>
          <Input maxLength={8} data-testid="item-form-unit-zh" />
        </Form.Item>
        <Form.Item name="unitEn" label={t('supplies.items.unitEn')} rules={required} style={{ flex: '1 1 120px' }}>
          <Input maxLength={16} data-testid="item-form-unit-en" />
        </Form.Item>
        <Form.Item name="category" label={t('supplies.category')} style={{ flex: '1 1 160px' }}>
          <Select
            options={SUPPLY_CATEGORIES.map((c) => ({ value: c, label: SUPPLY_CATEGORY_LABELS[c][language] }))}
            data-testid="item-form-category"
          />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}

/** 物资目录: the items every store counts in, with their units; the city keeps it. */
export function ItemsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const report = useReportError();
  const client = useQueryClient();
  const items = useItems();
  const canManage = items.data?.canManage ?? false;
  const [editing, setEditing] = useState<Item | 'new' | null>(null);
  const toggle = (item: Item, active: boolean) =>
    void api
      .patch(`/supplies/items/${item.id}`, { active })
      .then(() => client.invalidateQueries({ queryKey: [SUPPLIES_KEY] }))
      .catch(report);
  return (
    <>
      <PageHeader
        title={t('supplies.items.title')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="item-create">
              {t('supplies.items.create')}
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">{t('supplies.items.onlyCity')}</Typography.Paragraph>
      <Card>
        {items.isError ? <QueryError error={items.error} onRetry={() => void items.refetch()} /> : null}
        <Table<Item>
          rowKey="id"
          loading={items.isFetching}
          dataSource={items.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'name',
              title: t('supplies.item'),
              render: (_: unknown, i: Item) => (language === 'en' ? i.nameEn : i.nameZh),
            },
            {
              key: 'unit',
              title: t('supplies.unit'),
              render: (_: unknown, i: Item) => (language === 'en' ? i.unitEn : i.unitZh),
            },
            {
              key: 'category',
              title: t('supplies.category'),
              render: (_: unknown, i: Item) => SUPPLY_CATEGORY_LABELS[i.category][language],
            },
            { key: 'code', title: t('supplies.items.code'), dataIndex: 'code' },
            {
              key: 'active',
              title: t('supplies.allocations.status'),
              render: (_: unknown, i: Item) =>
                canManage ? (
                  <Switch
                    checked={i.active}
                    onChange={(on) => toggle(i, on)}
                    checkedChildren={t('supplies.items.inUse')}
                    unCheckedChildren={t('supplies.items.retired')}
                    data-testid={`item-active-${i.code}`}
                  />
                ) : i.active ? (
                  <Tag color="green">{t('supplies.items.inUse')}</Tag>
                ) : (
                  <Tag>{t('supplies.items.retired')}</Tag>
                ),
            },
            ...(canManage
              ? [
                  {
                    key: 'actions',
                    title: t('supplies.actions'),
                    render: (_: unknown, i: Item) => (
                      <RowAction
                        icon={<EditOutlined />}
                        label={t('common.edit')}
                        onClick={() => setEditing(i)}
                        testId={`item-edit-${i.code}`}
                      />
                    ),
                  },
                ]
              : []),
          ]}
          data-testid="items-table"
        />
      </Card>
      {editing ? <ItemFormModal item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
