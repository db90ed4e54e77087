import { Flex, Form, Input, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { ERRANDS_KEY, useSaveShop, useShops, type Shop } from './errands.api.ts';
import { RegionItemsPage } from './RegionItemsPage.tsx';

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
  return (
    <RegionItemsPage<Shop>
      title={t('errandOrders.shopsTitle')}
      newLabel={t('errandOrders.newShop')}
      empty={t('errandOrders.noShops')}
      testId="errand-shop"
      useItems={useShops}
      form={(shop, onClose) => <ShopFormModal shop={shop} onClose={onClose} />}
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
      ]}
    />
  );
}
