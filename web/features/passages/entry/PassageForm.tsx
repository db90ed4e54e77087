import { Alert, Flex, Form, Input, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSAGE_DIRECTIONS, PASSAGE_PURPOSES, PASSAGE_SUBJECTS } from '../../../../common/enums.ts';
import {
  PASSAGE_DIRECTION_LABELS,
  PASSAGE_PURPOSE_LABELS,
  PASSAGE_SUBJECT_LABELS,
  RISK_AREA_LEVEL_LABELS,
} from '../../../../common/labels.ts';
import { MOBILE_PATTERN } from '../../../../common/phone.ts';
import { useLanguage } from '../../../app/useLanguage.ts';
import type { PassageSettings, RiskArea } from '../passages.api.ts';
import { riskAreaOf } from '../riskMatch.ts';
import { Choices } from './Choices.tsx';
import { DEFAULT_TEMPERATURE, isFever, type EntryValues } from './entryValues.ts';
import { OriginPicker, type Place } from './OriginPicker.tsx';
import { PlateInput } from './PlateInput.tsx';
import { Stepper } from './Stepper.tsx';
import { formatTemperature, TemperaturePicker } from './TemperaturePicker.tsx';

const MOBILE = new RegExp(MOBILE_PATTERN);
/**
 * A field with a problem goes to mid-screen, even when it is "visible" already: the save bar sticks
 * over the bottom of the screen and would hide the message under the field.
 */
const TO_PROBLEM = { block: 'center', scrollMode: 'always' } as const;

/** After the server refused an entry: bring the first field it named into view. */
export function showFirstProblem(form: FormInstance<EntryValues>): void {
  const first = form.getFieldsError().find((f) => f.errors.length);
  if (first) form.scrollToField(first.name, TO_PROBLEM);
}
const MAX_OCCUPANTS = 60;
const MAX_LEAFLETS = 100;

/**
 * The fields of one passage, in the order a gate works: which way and who, the temperature (a
 * fever asks for the re-measure at once), where from, then what is optional. Used for a new entry
 * and for a correction; `footer` holds the form's buttons.
 */
export function PassageForm({
  form,
  initialValues,
  settings,
  riskAreas,
  recentPlaces,
  onFinish,
  footer,
  testId,
}: {
  form: FormInstance<EntryValues>;
  initialValues: EntryValues;
  settings: PassageSettings;
  riskAreas: readonly RiskArea[];
  recentPlaces: readonly Place[];
  onFinish: (values: EntryValues) => void;
  footer: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const subject = Form.useWatch('subject', form);
  const direction = Form.useWatch('direction', form);
  const temperature = Form.useWatch('temperature', form);
  const originCode = Form.useWatch('originCode', form);
  const vehicle = subject === 'vehicle';
  const fever = isFever(temperature, settings);
  const activeAreas = riskAreas.filter((a) => a.active);
  const risk = riskAreaOf(originCode, activeAreas);
  const identityRequired = settings.identity === 'required' && !vehicle;
  const optional = (label: string) => (identityRequired ? label : t('passages.entry.optional', { label }));
  const threshold = formatTemperature(settings.feverThreshold);

  function changed(values: Partial<EntryValues>) {
    // The server refuses a re-measure without a fever reading, so a corrected first reading drops it.
    if ('temperature' in values && !isFever(values.temperature, settings)) form.setFieldValue('remeasured', null);
    // A person is always measured; a vehicle marked "not measured" switched back to a person starts at the usual reading.
    if (values.subject === 'person' && form.getFieldValue('temperature') === null)
      form.setFieldValue('temperature', DEFAULT_TEMPERATURE);
  }

  return (
    <Form<EntryValues>
      // Field ids are prefixed with it: the entry form and a correction open over it never share an id.
      name={testId}
      form={form}
      initialValues={initialValues}
      layout="vertical"
      requiredMark={false}
      onFinish={onFinish}
      onValuesChange={changed}
      scrollToFirstError={TO_PROBLEM}
      data-testid={testId}
    >
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <Form.Item name="direction" noStyle>
          <Choices
            block
            options={PASSAGE_DIRECTIONS.map((d) => ({ value: d, label: PASSAGE_DIRECTION_LABELS[d][language] }))}
            testId={`${testId}-direction`}
          />
        </Form.Item>
        <Form.Item name="subject" noStyle>
          <Choices
            block
            options={PASSAGE_SUBJECTS.map((s) => ({ value: s, label: PASSAGE_SUBJECT_LABELS[s][language] }))}
            testId={`${testId}-subject`}
          />
        </Form.Item>
      </Flex>
      <Form.Item
        name="temperature"
        label={vehicle ? t('passages.entry.temperatureDriver') : t('passages.entry.temperature')}
        rules={[{ required: !vehicle, message: t('passages.entry.temperatureRequired') }]}
      >
        <TemperaturePicker
          min={settings.temperatureMin}
          max={settings.temperatureMax}
          threshold={settings.feverThreshold}
          start={DEFAULT_TEMPERATURE}
          optional={vehicle}
          testId={`${testId}-temperature`}
        />
      </Form.Item>
      {fever ? (
        <>
          <Alert
            type="error"
            showIcon
            title={t('passages.entry.remeasureAsk', { threshold })}
            style={{ marginBottom: 12 }}
            data-testid={`${testId}-remeasure-ask`}
          />
          <Form.Item
            name="remeasured"
            label={t('passages.entry.remeasured')}
            rules={[{ required: true, message: t('passages.entry.remeasureRequired', { threshold }) }]}
          >
            <TemperaturePicker
              min={settings.temperatureMin}
              max={settings.temperatureMax}
              threshold={settings.feverThreshold}
              start={temperature ?? DEFAULT_TEMPERATURE}
              testId={`${testId}-remeasured`}
            />
          </Form.Item>
        </>
      ) : null}
      {vehicle ? (
        <>
          <Form.Item
            name="plate"
            label={t('passages.entry.plate')}
            rules={[
              { required: true, message: t('passages.entry.plateRequired') },
              { min: 7, message: t('passages.entry.plateShort') },
            ]}
          >
            <PlateInput testId={`${testId}-plate`} />
          </Form.Item>
          <Form.Item name="people">
            <CountRowItem label={t('passages.entry.occupants')} max={MAX_OCCUPANTS} min={1} testId={`${testId}-people`} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="originCode" label={t('passages.entry.origin')} style={{ marginBottom: risk ? 8 : undefined }}>
        <OriginPicker riskAreas={activeAreas} recent={recentPlaces} testId={`${testId}-origin`} />
      </Form.Item>
      {risk ? (
        <Alert
          type="error"
          showIcon
          title={t('passages.entry.riskOrigin', { name: risk.name, level: RISK_AREA_LEVEL_LABELS[risk.level][language] })}
          description={direction === 'in' ? t('passages.entry.riskOriginIn') : undefined}
          style={{ marginBottom: 16 }}
          data-testid={`${testId}-risk`}
        />
      ) : null}
      {settings.identity === 'off' ? null : (
        <Flex gap={8}>
          <Form.Item
            name="name"
            label={optional(t('passages.entry.name'))}
            rules={[{ required: identityRequired, whitespace: true, message: t('passages.entry.nameRequired') }]}
            style={{ flex: 1, minWidth: 0 }}
          >
            <Input size="large" maxLength={30} autoComplete="off" data-testid={`${testId}-name`} />
          </Form.Item>
          <Form.Item
            name="mobile"
            label={optional(t('passages.entry.mobile'))}
            rules={[
              { required: identityRequired, message: t('passages.entry.mobileRequired') },
              { pattern: MOBILE, message: t('auth.mobileInvalid') },
            ]}
            style={{ flex: 1.3, minWidth: 0 }}
          >
            <Input size="large" inputMode="numeric" maxLength={11} autoComplete="off" data-testid={`${testId}-mobile`} />
          </Form.Item>
        </Flex>
      )}
      <Form.Item name="purpose" label={t('passages.entry.purpose')}>
        <Choices
          allowNone
          options={PASSAGE_PURPOSES.map((p) => ({ value: p, label: PASSAGE_PURPOSE_LABELS[p][language] }))}
          testId={`${testId}-purpose`}
        />
      </Form.Item>
      <Form.Item name="leaflets">
        <CountRowItem label={t('passages.entry.leaflets')} min={0} max={MAX_LEAFLETS} testId={`${testId}-leaflets`} />
      </Form.Item>
      {footer}
    </Form>
  );
}

/** A label on the left, a stepper on the right: counts take one short row. Form.Item hands value and onChange in. */
function CountRowItem({
  value,
  onChange,
  label,
  min,
  max,
  id,
  testId,
}: {
  value?: number;
  onChange?: (value: number) => void;
  label: string;
  min: number;
  max: number;
  id?: string;
  testId: string;
}) {
  return (
    <Flex id={id} align="center" justify="space-between" gap={8}>
      <span style={{ fontSize: 15 }}>{label}</span>
      <Stepper value={value} onChange={onChange} min={min} max={max} label={label} testId={testId} />
    </Flex>
  );
}
