import { Alert, Collapse, DatePicker, Flex, Form, Input, InputNumber, Progress, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionLevel } from '../../../../common/enums.ts';
import { ApiError } from '../../../app/api.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../../components/idempotency.ts';
import { useRegionTree, type RegionNode } from '../../regions/regions.api.ts';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect.tsx';
import { ROSTERS_KEY, type RosterDetail, type RosterRules } from '../rosters.api.ts';
import { nextWeek, today } from './time.ts';

interface GenerateForm {
  regionId: string;
  dates: [Dayjs, Dayjs];
  name?: string;
  rules: RosterRules;
}

const DEFAULT_RULES: RosterRules = {
  minRestHours: 8,
  maxShiftsPerWeek: 5,
  maxShiftsPerDay: null,
  checkInEarlyMinutes: 30,
  absentAfterMinutes: 15,
  checkOutGraceMinutes: 60,
};

const MAX_DAYS = 31;
/** About how long a county takes; the bar creeps towards it and waits near the end. */
const EXPECTED_MS = 10_000;

function levelsById(nodes: RegionNode[], into = new Map<string, RegionLevel>()): Map<string, RegionLevel> {
  for (const node of nodes) {
    into.set(node.id, node.level);
    levelsById(node.children, into);
  }
  return into;
}

/** The server's date fields sit on the one range picker. */
function placeErrors(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = Object.fromEntries(
    Object.entries(error.fields).map(([path, text]) => [path === 'startsOn' || path === 'endsOn' ? 'dates' : path, text]),
  );
  return new ApiError(error.status, error.code, error.message, fields, error.rows);
}

/** Shown while the server solves: a solve has no real progress to report, so the bar is an estimate. */
function Computing() {
  const { t } = useTranslation();
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Date.now() - started), 250);
    return () => clearInterval(timer);
  }, []);
  const percent = Math.min(95, Math.round((elapsed / EXPECTED_MS) * 90));
  return (
    <Flex vertical align="center" gap={12} style={{ padding: '24px 0' }} data-testid="roster-computing">
      <Spin size="large" />
      <Typography.Text strong>{t('rosters.computing')}</Typography.Text>
      <Progress percent={percent} status="active" showInfo={false} style={{ width: '80%' }} />
      <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
        {t('rosters.computingHint')}
      </Typography.Text>
    </Flex>
  );
}

/** Region, dates and rules in; the optimiser's roster out, opened as soon as it exists. */
export function GenerateRosterModal({ onClose, onCreated }: { onClose: () => void; onCreated: (roster: RosterDetail) => void }) {
  const { t } = useTranslation();
  const create = useIdempotentCreate();
  const tree = useRegionTree();
  const levels = useMemo(() => levelsById(tree.data ?? []), [tree.data]);
  const [computing, setComputing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const firstDay = today();
  const required = { required: true, message: t('auth.required') };

  async function submit(v: GenerateForm) {
    setProblem(null);
    setComputing(true);
    try {
      const roster = await create<RosterDetail>('/rosters', {
        regionId: v.regionId,
        startsOn: v.dates[0].format('YYYY-MM-DD'),
        endsOn: v.dates[1].format('YYYY-MM-DD'),
        ...(v.name?.trim() ? { name: v.name.trim() } : {}),
        rules: { ...v.rules, maxShiftsPerDay: v.rules.maxShiftsPerDay ?? null },
      });
      onCreated(roster);
    } finally {
      setComputing(false);
    }
  }

  return (
    <FormModal<GenerateForm>
      title={t('rosters.generateTitle')}
      testId="roster"
      okText={t('rosters.submitGenerate')}
      success={t('rosters.generated')}
      onClose={onClose}
      submit={submit}
      invalidate={[ROSTERS_KEY]}
      initialValues={{ dates: nextWeek(), rules: DEFAULT_RULES }}
      placeErrors={(e) => {
        // A refusal about the whole request (an overlapping roster) stays in the dialog, not only in a passing notice.
        if (e instanceof ApiError && !Object.keys(e.fields).length) setProblem(e.message);
        return placeErrors(e);
      }}
      width={560}
      intro={
        <>
          {problem ? (
            <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="roster-problem" />
          ) : null}
          {computing ? <Computing /> : null}
        </>
      }
    >
      {/* Hidden, not removed, while solving: the fields must stay registered to take the server's errors. */}
      <div hidden={computing}>
        <Form.Item
          name="regionId"
          label={t('rosters.generateRegion')}
          extra={t('rosters.generateRegionHint')}
          rules={[
            required,
            {
              validator: async (_, id: string | undefined) => {
                if (id && levels.get(id) === 'city') throw new Error(t('rosters.regionTooHigh'));
              },
            },
          ]}
        >
          <RegionTreeSelect testId="roster-region" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="dates"
          label={t('rosters.generateDates')}
          extra={t('rosters.generateDatesHint')}
          rules={[
            required,
            {
              validator: async (_, range: [Dayjs, Dayjs] | undefined) => {
                if (range && range[1].diff(range[0], 'day') + 1 > MAX_DAYS) throw new Error(t('rosters.tooManyDays'));
              },
            },
          ]}
        >
          <DatePicker.RangePicker
            allowClear={false}
            disabledDate={(d) => d.format('YYYY-MM-DD') < firstDay}
            style={{ width: '100%' }}
            data-testid="roster-dates"
          />
        </Form.Item>
        <Form.Item name="name" label={t('rosters.generateName')}>
          <Input maxLength={80} placeholder={t('rosters.generateNamePlaceholder')} data-testid="roster-name-input" />
        </Form.Item>
        <Collapse
          size="small"
          items={[
            {
              key: 'rules',
              label: <span data-testid="roster-rules">{t('rosters.rules')}</span>,
              extra: <Typography.Text type="secondary">{t('rosters.rulesHint')}</Typography.Text>,
              // Rendered while closed, so the defaults are sent and the server's rule errors have a field to land on.
              forceRender: true,
              children: <RuleFields />,
            },
          ]}
        />
      </div>
    </FormModal>
  );
}

function RuleFields() {
  const { t } = useTranslation();
  const field = (name: keyof RosterRules, min: number, max: number, testId: string) => (
    <Form.Item name={['rules', name]} label={t(`rosters.${name}`)} rules={[{ required: true, message: t('auth.required') }]}>
      <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} data-testid={testId} />
    </Form.Item>
  );
  return (
    <>
      {field('minRestHours', 0, 24, 'roster-rule-rest')}
      {field('maxShiftsPerWeek', 1, 21, 'roster-rule-week')}
      <Form.Item name={['rules', 'maxShiftsPerDay']} label={t('rosters.maxShiftsPerDay')}>
        <InputNumber
          min={1}
          max={3}
          precision={0}
          placeholder={t('rosters.noLimit')}
          style={{ width: '100%' }}
          data-testid="roster-rule-day"
        />
      </Form.Item>
      {field('checkInEarlyMinutes', 0, 180, 'roster-rule-early')}
      {field('absentAfterMinutes', 5, 240, 'roster-rule-absent')}
      {field('checkOutGraceMinutes', 0, 240, 'roster-rule-grace')}
    </>
  );
}
