import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, InputNumber, Tag, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { endsNextDay, peoplePerDay, PRESETS, type PresetKey } from './shiftPattern.ts';
import { TimeField } from './TimeField.tsx';

const MAX_SLOTS = 12;
/** Rows sit close together; an error line still has room under its field. */
const ROW_ITEM = { marginBottom: 12 };
const PRESET_KEYS = Object.keys(PRESETS) as PresetKey[];

interface SlotRow {
  start?: string | null;
  end?: string | null;
  people?: number | null;
}

/**
 * The form's `shiftPattern` list: a row per shift with start, end and people; presets fill the
 * usual patterns, keeping the number of people the first row had.
 */
export function ShiftPatternEditor({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  const rows = (Form.useWatch('shiftPattern', form) as SlotRow[] | undefined) ?? [];

  function applyPreset(key: PresetKey) {
    const people = rows[0]?.people ?? 2;
    const preset = PRESETS[key];
    form.setFieldValue(
      'shiftPattern',
      preset.slots.map((slot) => ({ ...slot, people })),
    );
    if (preset.hours) form.setFieldsValue({ hours24: false, ...preset.hours });
    void form.validateFields([['shiftPattern']]);
  }

  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('checkpoints.presets')}</Typography.Text>
        {PRESET_KEYS.map((key) => (
          <Button key={key} size="small" onClick={() => applyPreset(key)} data-testid={`checkpoint-preset-${key}`}>
            {t(`checkpoints.${key}`)}
          </Button>
        ))}
      </Flex>
      <Form.List
        name="shiftPattern"
        rules={[
          {
            validator: async (_, slots: SlotRow[] | undefined) => {
              if (!slots?.length) throw new Error(t('checkpoints.shiftsRequired'));
              if (slots.length > MAX_SLOTS) throw new Error(t('checkpoints.shiftsTooMany'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div data-testid="checkpoint-shifts">
            {fields.map((field, index) => {
              const row = rows[index];
              const overnight = !!row?.start && !!row.end && endsNextDay({ start: row.start, end: row.end });
              return (
                <Flex key={field.key} wrap gap={8} align="baseline" data-testid={`checkpoint-shift-${index}`}>
                  <Form.Item
                    name={[field.name, 'start']}
                    style={ROW_ITEM}
                    rules={[{ required: true, message: t('auth.required') }]}
                  >
                    <TimeField placeholder={t('checkpoints.shiftStart')} testId={`checkpoint-shift-${index}-start`} />
                  </Form.Item>
                  <span>–</span>
                  <Form.Item
                    name={[field.name, 'end']}
                    style={ROW_ITEM}
                    rules={[{ required: true, message: t('auth.required') }]}
                  >
                    <TimeField placeholder={t('checkpoints.shiftEnd')} testId={`checkpoint-shift-${index}-end`} />
                  </Form.Item>
                  {overnight ? <Tag color="purple">{t('checkpoints.nextDay')}</Tag> : null}
                  <Form.Item
                    name={[field.name, 'people']}
                    style={ROW_ITEM}
                    rules={[{ required: true, message: t('auth.required') }]}
                  >
                    <InputNumber
                      min={1}
                      max={50}
                      precision={0}
                      suffix={t('checkpoints.peopleUnit')}
                      aria-label={t('checkpoints.shiftPeople')}
                      style={{ width: 96 }}
                      data-testid={`checkpoint-shift-${index}-people`}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('checkpoints.removeShift')}
                    title={t('checkpoints.removeShift')}
                    disabled={fields.length === 1}
                    onClick={() => remove(field.name)}
                    data-testid={`checkpoint-shift-${index}-remove`}
                  />
                </Flex>
              );
            })}
            <Flex wrap gap={12} align="center">
              <Button
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_SLOTS}
                onClick={() => add({ start: rows.at(-1)?.end ?? '08:00', end: null, people: rows.at(-1)?.people ?? 2 })}
                data-testid="checkpoint-shift-add"
              >
                {t('checkpoints.addShift')}
              </Button>
              <Typography.Text type="secondary" data-testid="checkpoint-people-per-day">
                {t('checkpoints.peoplePerDay', { count: peoplePerDay(rows.map((r) => ({ people: r?.people ?? 0 }))) })}
              </Typography.Text>
            </Flex>
            <Form.ErrorList errors={errors} />
          </div>
        )}
      </Form.List>
    </>
  );
}
