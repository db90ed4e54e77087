import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Form, Input, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../app/session.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { usePagedFilter } from '../../components/filters.tsx';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { ERRANDS_KEY, useSaveShop, useShops, type Shop } from './errands.api.ts';

interface ShopForm {
  regionId: string;
  name: string;
  address?: string;
  phone?: string;
  isDefault: boolean;
  active: boolean;
}

/** A new shop (`shop` null) or a change to one; the server's field problems land under their fields. */
function ShopFormModal({ shop, onClose }: { shop: Shop | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveShop();
  const submit = (v: ShopForm) => {
    const fields = {
      name: v.name.trim(),
      address: v.address?.trim() || null,
      phone: v.phone?.trim() || null,
      isDefault: v.isDefault,
    };
    return save.mutateAsync(
      shop ? { id: shop.id, body: { ...fields, active: v.active } } : { id: null, body: { regionId: v.regionId, ...fields } },
    );
  };
  const initial: Partial<ShopForm> = shop
    ? {
        regionId: shop.region.id,
        name: shop.name,
        address: shop.address ?? undefined,
        phone: shop.phone ?? undefined,
        isDefault: shop.isDefault,
        active: shop.active,
      }
    : { isDefault: false, active: true };
  const required = { required: true, message: t('auth.required') };
  return (
    <FormModal<ShopForm>
      title={shop ? t('errandOrders.editShop') : t('errandOrders.newShop')}
      testId="errand-shop-form"
      onClose={onClose}
      initialValues={initial}
      submit={submit}
      invalidate={[ERRANDS_KEY, 'shops']}
    >
      <Form.Item name="regionId" label={t('errandOrders.shopRegion')} rules={[required]}>
        <RegionTreeSelect onlyLevel="community" disabled={Boolean(shop)} testId="errand-shop-region" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="name" label={t('errandOrders.shopName')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={40} placeholder={t('errandOrders.shopNamePlaceholder')} data-testid="errand-shop-name" />
      </Form.Item>
      <Form.Item name="address" label={t('errandOrders.shopAddress')}>
        <Input maxLength={120} data-testid="errand-shop-address" />
      </Form.Item>
      <Form.Item name="phone" label={t('errandOrders.shopPhone')}>
        <Input maxLength={20} inputMode="tel" data-testid="errand-shop-phone" />
      </Form.Item>
      <Flex wrap style={{ columnGap: 24 }}>
        <Form.Item
          name="isDefault"
          label={t('errandOrders.isDefault')}
          valuePropName="checked"
          extra={t('errandOrders.isDefaultHint')}
        >
          <Switch data-testid="errand-shop-default" />
        </Form.Item>
        {shop ? (
          <Form.Item name="active" label={t('errandOrders.active')} valuePropName="checked">
            <Switch data-testid="errand-shop-active" />
          </Form.Item>
        ) : null}
      </Flex>
    </FormModal>
  );
}

/** 采购商店: where each community's purchase runs buy, one of them the default. */
export function ShopsPage() {
  const { t } = useTranslation();
  const width = useFilterWidth();
  const canManage = can(useMe().data, 'errands.manage');
  const { filter, change, page, pageSize, pagination } = usePagedFilter<{ regionId?: string | null }>();
  const shops = useShops(filter.regionId ?? null, page, pageSize);
  const [editing, setEditing] = useState<Shop | 'new' | null>(null);

  return (
    <>
      <PageHeader
        title={t('errandOrders.shopsTitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="errand-shop-new">
              {t('errandOrders.newShop')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <RegionTreeSelect
            allowClear
            placeholder={t('errandOrders.filterRegion')}
            value={filter.regionId ?? null}
            onChange={change('regionId')}
            testId="errand-shops-region"
            style={width(240)}
          />
        </Flex>
        {shops.isError ? <QueryError error={shops.error} onRetry={() => void shops.refetch()} /> : null}
        <Table<Shop>
          rowKey="id"
          loading={shops.isFetching}
          dataSource={shops.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('errandOrders.noShops')} /> }}
          pagination={pagination(shops.data?.total ?? 0)}
          scroll={{ x: 'max-content' }}
          data-testid="errand-shops"
          columns={[
            {
              key: 'name',
              title: t('errandOrders.shopName'),
              render: (_: unknown, s: Shop) => (
                <Flex gap={6} align="center">
                  <span>{s.name}</span>
                  {s.isDefault ? <Tag color="red">{t('errandOrders.isDefault')}</Tag> : null}
                  {s.active ? null : <Tag>{t('errandOrders.closed')}</Tag>}
                </Flex>
              ),
            },
            { key: 'region', title: t('errandOrders.shopRegion'), render: (_: unknown, s: Shop) => s.region.name },
            { key: 'address', title: t('errandOrders.shopAddress'), render: (_: unknown, s: Shop) => s.address ?? '—' },
            { key: 'phone', title: t('errandOrders.shopPhone'), render: (_: unknown, s: Shop) => s.phone ?? '—' },
            ...(canManage
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    render: (_: unknown, s: Shop) => (
                      <RowAction
                        icon={<EditOutlined />}
                        label={t('common.edit')}
                        onClick={() => setEditing(s)}
                        testId={`errand-shop-edit-${s.id}`}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing ? <ShopFormModal shop={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
