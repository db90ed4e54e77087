import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SUPPLY_CATEGORY_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { itemName, itemUnit, useItems, type StockRow } from './supplies.api.ts';

export interface LineValue {
  itemId?: string;
  quantity?: number;
}

/**
 * The lines of a donation, allocation or transfer: an item and a whole quantity per row, each
 * item once. With `stock` (the sending store's), each row says how much is there.
 */
export function LinesEditor({ stock }: { stock?: readonly StockRow[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const items = useItems(true).data?.items ?? [];
  const held = new Map((stock ?? []).map((s) => [s.item.id, s.quantity]));
  const options = Object.entries(SUPPLY_CATEGORY_LABELS).map(([category, label]) => ({
    label: label[language],
    options: items
      .filter((i) => i.category === category)
      .map((i) => ({ value: i.id, label: `${itemName(i, language)}（${itemUnit(i, language)}）` })),
  }));
  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="start" wrap data-testid={`line-${index}`}>
              <Form.Item
                name={[field.name, 'itemId']}
                rules={[{ required: true, message: t('supplies.linesEditor.pickItem') }]}
                style={{ flex: '2 1 200px', marginBottom: 8 }}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('supplies.linesEditor.pickItem')}
                  aria-label={t('supplies.item')}
                  options={options}
                  data-testid={`line-${index}-item`}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'quantity']}
                rules={[{ required: true, message: t('supplies.required') }]}
                style={{ flex: '1 1 120px', marginBottom: 8 }}
              >
                <InputNumber
                  min={1}
                  max={10_000_000}
                  precision={0}
                  placeholder={t('supplies.quantity')}
                  aria-label={t('supplies.quantity')}
                  style={{ width: '100%' }}
                  data-testid={`line-${index}-quantity`}
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => {
                  const id = getFieldValue(['lines', field.name, 'itemId']) as string | undefined;
                  const item = items.find((i) => i.id === id);
                  return stock && item ? (
                    <Typography.Text type="secondary" style={{ lineHeight: '32px', minWidth: 110 }}>
                      {t('supplies.linesEditor.inStock', {
                        quantity: (held.get(item.id) ?? 0).toLocaleString('zh-CN'),
                        unit: itemUnit(item, language),
                      })}
                    </Typography.Text>
                  ) : null;
                }}
              </Form.Item>
              {fields.length > 1 ? (
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('supplies.linesEditor.remove')}
                  onClick={() => remove(field.name)}
                  data-testid={`line-${index}-remove`}
                />
              ) : null}
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block data-testid="line-add">
            {t('supplies.linesEditor.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** The form's lines as the server takes them (empty rows left out). */
export function linesOf(values: LineValue[] | undefined): { itemId: string; quantity: number }[] {
  return (values ?? [])
    .filter((l): l is Required<LineValue> => !!l.itemId && typeof l.quantity === 'number')
    .map((l) => ({ itemId: l.itemId, quantity: l.quantity }));
}
