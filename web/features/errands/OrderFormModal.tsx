import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ERRAND_PAYMENTS, type ErrandPayment } from '../../../common/enums.ts';
import { ERRAND_PAYMENT_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useHouseholds } from '../households/households.api.ts';
import { ERRANDS_KEY, useCreateStaffOrder, useGoods } from './errands.api.ts';

interface Line {
  goodsId?: string;
  name?: string;
  unit?: string;
  quantity: number;
}

interface Values {
  householdId: string;
  items: Line[];
  contactName: string;
  contactMobile?: string;
  address?: string;
  note?: string;
  payment: ErrandPayment;
}

/** An order a grid worker takes by phone for a registered household (errands.order). */
export function OrderFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [q, setQ] = useState('');
  const households = useHouseholds({ q }, 1, 20);
  const goods = useGoods();
  const create = useCreateStaffOrder();
  const goodsOptions = (goods.data?.items ?? []).map((g) => ({
    value: g.id,
    label: `${language === 'en' ? g.nameEn : g.nameZh}（${language === 'en' ? g.unitEn : g.unitZh}）`,
  }));

  return (
    <FormModal<Values>
      title={t('errandOrders.newOrder')}
      testId="errand-order-form"
      onClose={onClose}
      invalidate={[ERRANDS_KEY, 'orders']}
      width={640}
      initialValues={{ items: [{ quantity: 1 }], payment: 'on_delivery' }}
      submit={(v) =>
        create.mutateAsync({
          householdId: v.householdId,
          items: v.items.map((l) =>
            l.goodsId
              ? { goodsId: l.goodsId, quantity: l.quantity }
              : { name: l.name ?? '', unit: l.unit ?? '', quantity: l.quantity },
          ),
          contactName: v.contactName,
          contactMobile: v.contactMobile?.trim() || null,
          address: v.address?.trim() || null,
          note: v.note?.trim() || null,
          payment: v.payment,
        })
      }
    >
      <Form.Item name="householdId" label={t('errandOrders.household')} rules={[{ required: true }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          placeholder={t('errandOrders.householdSearch')}
          options={(households.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.address}（${h.regionName}）` }))}
          data-testid="errand-order-household"
        />
      </Form.Item>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Flex key={f.key} gap={6} align="start">
                <Form.Item name={[f.name, 'goodsId']} style={{ flex: 2 }}>
                  <Select allowClear placeholder={t('errandOrders.other')} options={goodsOptions} />
                </Form.Item>
                <Form.Item name={[f.name, 'name']} style={{ flex: 2 }}>
                  <Input placeholder={t('errandOrders.otherName')} maxLength={40} />
                </Form.Item>
                <Form.Item name={[f.name, 'unit']} style={{ flex: 1 }}>
                  <Input placeholder={t('errandOrders.otherUnit')} maxLength={10} />
                </Form.Item>
                <Form.Item name={[f.name, 'quantity']} rules={[{ required: true }]}>
                  <InputNumber min={0.5} step={0.5} style={{ width: 80 }} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(f.name)}
                  aria-label={t('errandOrders.remove')}
                />
              </Flex>
            ))}
            {fields.length < 20 ? (
              <Button icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })} style={{ marginBottom: 16 }}>
                {t('errandOrders.addOther')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
      <Flex gap={8}>
        <Form.Item name="contactName" label={t('errandOrders.contactName')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="contactMobile" label={t('errandOrders.contactMobile')} style={{ flex: 1 }}>
          <Input maxLength={11} />
        </Form.Item>
      </Flex>
      <Form.Item name="address" label={t('errandOrders.address')}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="note" label={t('errandOrders.note')}>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
      <Form.Item name="payment" label={t('errandOrders.payment')}>
        <Radio.Group options={ERRAND_PAYMENTS.map((p) => ({ value: p, label: ERRAND_PAYMENT_LABELS[p][language] }))} />
      </Form.Item>
    </FormModal>
  );
}
