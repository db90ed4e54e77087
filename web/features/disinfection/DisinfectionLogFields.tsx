import { AutoComplete, Col, Form, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DISINFECTION_METHODS, type DisinfectionMethod } from '../../../common/enums.ts';
import { DISINFECTION_METHOD_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';

/** What a disinfection job says, as the form holds it. */
export interface JobFieldValues {
  areaM2?: number | null;
  agent?: string;
  concentration?: string;
  method?: DisinfectionMethod;
  contactMinutes?: number | null;
  people?: number | null;
}

/** The usual job: chlorine at 500 mg/L sprayed, left 30 minutes, by one person. */
export const JOB_DEFAULTS: JobFieldValues = {
  agent: '含氯消毒剂',
  concentration: '500 mg/L',
  method: 'spray',
  contactMinutes: 30,
  people: 1,
};

/** Agents and strengths as the guidelines of the time name them; free text is allowed. */
const AGENTS = ['含氯消毒剂', '84消毒液', '75% 酒精', '二氧化氯消毒液', '过氧乙酸'];
const STRENGTHS = ['500 mg/L', '1000 mg/L', '1:100（有效氯 500 mg/L）', '75%', '0.2%'];

/** The job's fields as a request body carries them: trimmed, empty ones left out. */
export function jobBody(v: JobFieldValues): {
  areaM2: number;
  agent: string;
  method: DisinfectionMethod;
  concentration?: string;
  contactMinutes?: number;
  people?: number;
} {
  return {
    areaM2: v.areaM2 ?? 0,
    agent: (v.agent ?? '').trim(),
    method: v.method ?? 'spray',
    ...(v.concentration?.trim() ? { concentration: v.concentration.trim() } : {}),
    ...(v.contactMinutes ? { contactMinutes: v.contactMinutes } : {}),
    ...(v.people ? { people: v.people } : {}),
  };
}

/**
 * The fields of a disinfection job (area, agent and strength, method, contact time, people) for
 * any form that logs one: the volunteer's phone form here, the isolated homes' visit form of the
 * quarantine pages. Put it inside an antd Form whose values extend `JobFieldValues`.
 */
export function DisinfectionLogFields({
  maxArea = 500_000,
  maxPeople = 200,
  requireConcentration = false,
  testId = 'disinfection',
}: {
  /** The route's own bound (a home visit allows less than a street). */
  maxArea?: number;
  maxPeople?: number;
  requireConcentration?: boolean;
  /** Prefix of the fields' test ids: `${testId}-area`, `${testId}-agent`, … */
  testId?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const required = { required: true, message: t('disinfection.fields.required') };
  const options = (values: string[]) => values.map((value) => ({ value }));
  return (
    <>
      <Form.Item name="areaM2" label={t('disinfection.fields.area')} rules={[required]}>
        <InputNumber
          min={1}
          max={maxArea}
          precision={0}
          style={{ width: '100%' }}
          inputMode="decimal"
          data-testid={`${testId}-area`}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="agent" label={t('disinfection.fields.agent')} rules={[{ ...required, whitespace: true }]}>
            <AutoComplete
              options={options(AGENTS)}
              placeholder={t('disinfection.fields.agentPlaceholder')}
              maxLength={60}
              data-testid={`${testId}-agent`}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="concentration"
            label={t('disinfection.fields.concentration')}
            rules={requireConcentration ? [{ ...required, whitespace: true }] : []}
          >
            <AutoComplete
              options={options(STRENGTHS)}
              placeholder={t('disinfection.fields.concentrationPlaceholder')}
              maxLength={60}
              data-testid={`${testId}-concentration`}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="method" label={t('disinfection.fields.method')} rules={[required]}>
            <Select
              options={DISINFECTION_METHODS.map((m) => ({ value: m, label: DISINFECTION_METHOD_LABELS[m][language] }))}
              data-testid={`${testId}-method`}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="contactMinutes" label={t('disinfection.fields.contactMinutes')}>
            <InputNumber min={1} max={1440} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="people" label={t('disinfection.fields.people')}>
            <InputNumber
              min={1}
              max={maxPeople}
              precision={0}
              style={{ width: '100%' }}
              inputMode="numeric"
              data-testid={`${testId}-people`}
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
