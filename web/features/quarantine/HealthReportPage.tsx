import { ShoppingOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Input, Radio, Result, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SYMPTOMS, TEMPERATURE_MAX, TEMPERATURE_MIN, type Feeling, type Symptom } from '../../../common/enums.ts';
import { ApiError } from '../../app/api.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useReportError } from '../../app/errors.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { AuthCard } from '../auth/AuthCard.tsx';
import { ResidentAnnouncements } from '../publicity/ResidentAnnouncements.tsx';
import { conflictOf } from '../../field/sync/outbox.ts';
import { SyncIndicator } from '../../field/sync/SyncIndicator.tsx';
import { useKeptUntilSent } from '../../field/sync/useOutbox.ts';
import { useHealthStatus, useRemeasure, useSubmitReport, type Remeasured, type Submitted } from './health.api.ts';

const STATE_COLOR = {
  done: 'green',
  due: 'blue',
  late: 'red',
  upcoming: 'default',
  none: 'default',
  not_required: 'default',
} as const;

/** Tenths of a degree, so the picker never drifts by floating-point steps. */
const MIN = Math.round(TEMPERATURE_MIN * 10);
const MAX = Math.round(TEMPERATURE_MAX * 10);

/** 35.0–42.0 in 0.1 steps: big − / + buttons for a shaky hand, and a list to jump far. */
function TemperaturePicker({ value, onChange }: { value: number; onChange: (v: number) => void }) {
  const { t } = useTranslation();
  const step = (d: number) => onChange(Math.min(MAX, Math.max(MIN, value + d)));
  const fever = value >= 373;
  return (
    <Flex vertical align="center" gap={8}>
      <Typography.Text type="secondary">{t('health.temperature')}</Typography.Text>
      <Flex align="center" gap={12}>
        <Button
          size="large"
          shape="circle"
          onClick={() => step(-1)}
          data-testid="temp-down"
          style={{ width: 56, height: 56, fontSize: 28 }}
        >
          −
        </Button>
        <select
          value={value}
          onChange={(e) => onChange(Number(e.target.value))}
          data-testid="temp-select"
          aria-label={t('health.temperature')}
          style={{
            fontSize: 40,
            fontWeight: 600,
            padding: '4px 8px',
            border: 'none',
            background: 'transparent',
            color: fever ? '#cf1322' : undefined,
          }}
        >
          {Array.from({ length: MAX - MIN + 1 }, (_, i) => MIN + i).map((v) => (
            <option key={v} value={v}>
              {(v / 10).toFixed(1)}
            </option>
          ))}
        </select>
        <Button
          size="large"
          shape="circle"
          onClick={() => step(1)}
          data-testid="temp-up"
          style={{ width: 56, height: 56, fontSize: 28 }}
        >
          +
        </Button>
      </Flex>
    </Flex>
  );
}

/** The page behind the QR code on the card: no account, a phone, twice a day. */
export function HealthReportPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const status = useHealthStatus(token);
  const submit = useSubmitReport(token);
  const remeasure = useRemeasure(token);
  const report = useReportError();
  const [temp, setTemp] = useState(365);
  const [retemp, setRetemp] = useState(365);
  const [symptoms, setSymptoms] = useState<Symptom[]>([]);
  const [feeling, setFeeling] = useState<Feeling>('good');
  const [help, setHelp] = useState('');
  const [sent, setSent] = useState<Submitted | null>(null);
  // A report kept on the phone (no network): its slot is shown as sent-later until the status says so.
  const [kept, setKept] = useState<string | null>(null);
  // Kept by the server but flagged for the case's staff (the case closed meanwhile).
  const [flagged, setFlagged] = useState<string | null>(null);
  useKeptUntilSent(`token:${token}`, 'healthReport', () => {
    setKept(null);
    void status.refetch();
  });
  const [second, setSecond] = useState<Remeasured | null>(null);

  let content;
  if (status.isError) {
    content =
      status.error instanceof ApiError && status.error.status === 404 ? (
        <Result status="404" title={t('health.invalid')} subTitle={t('health.invalidHint')} data-testid="health-invalid" />
      ) : (
        <QueryError error={status.error} onRetry={() => void status.refetch()} />
      );
  } else if (!status.data) {
    content = <Skeleton active />;
  } else {
    const s = status.data;
    const slotName = (slot: 'morning' | 'evening') => t(`health.slot.${slot}`);
    const send = async () => {
      try {
        const body = { temperature: temp / 10, symptoms, feeling, helpRequest: help.trim() || null };
        const slot = s.next ? `${s.next.slotOn} ${slotName(s.next.slot)}` : '';
        const result = await submit.mutateAsync({ body, summary: `${slot} · ${(temp / 10).toFixed(1)}°C` });
        const conflict = result.sent ? conflictOf(result.data) : null;
        if (conflict) setFlagged(conflict.reason);
        else if (result.sent) setSent(result.data);
        else setKept(s.next ? `${s.next.slotOn}${s.next.slot}` : 'kept');
        setSymptoms([]);
        setHelp('');
      } catch (e) {
        report(e);
      }
    };
    const sendSecond = async () => {
      try {
        setSecond(await remeasure.mutateAsync(retemp / 10));
      } catch (e) {
        report(e);
      }
    };
    // One outcome of what was just sent: a reading still high after the re-measure is received but
    // is no success to celebrate; the person is told the doctor knows and will call.
    let outcome = null;
    if (second?.fever) {
      outcome = (
        <Result
          status="warning"
          title={t('health.remeasureFever', { t: second.temperature.toFixed(1) })}
          subTitle={t('health.remeasureFeverHint')}
          style={{ padding: 8 }}
          data-testid="remeasure-result"
        />
      );
    } else if (second) {
      outcome = (
        <Result
          status="success"
          title={t('health.thanks')}
          subTitle={t('health.remeasureOk')}
          style={{ padding: 8 }}
          data-testid="remeasure-result"
        />
      );
    } else if (flagged) {
      outcome = (
        <Result
          status="warning"
          title={t('sync.flagged')}
          subTitle={`${flagged} ${t('sync.flaggedIntro')}`}
          style={{ padding: 8 }}
          data-testid="health-flagged"
        />
      );
    } else if (kept) {
      outcome = <Result status="info" title={t('sync.keptOffline')} style={{ padding: 8 }} data-testid="health-kept" />;
    } else if (sent && !sent.remeasureDue) {
      outcome = (
        <Result
          status="success"
          title={t(sent.late ? 'health.thanksLate' : 'health.thanks')}
          style={{ padding: 8 }}
          data-testid="health-thanks"
        />
      );
    }
    content = (
      <Flex vertical gap={16}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="health-name">
            {t('health.hello', { name: s.name })}
          </Typography.Title>
          <Typography.Text>{t('health.day', { day: s.day, days: s.days })}</Typography.Text>
          <br />
          <Typography.Text type="secondary">
            {t('health.windows', {
              m: `${s.windows.morning.from}–${s.windows.morning.to}`,
              e: `${s.windows.evening.from}–${s.windows.evening.to}`,
            })}
          </Typography.Text>
        </div>
        <Flex gap={8}>
          {s.slots.map((x) => (
            <Tag key={x.slot} color={STATE_COLOR[x.state]} data-testid={`slot-${x.slot}`}>
              {slotName(x.slot)} · {t(`health.state.${x.state}`)}
            </Tag>
          ))}
        </Flex>
        <ResidentAnnouncements token={token} />
        {/* The same link orders errands (红色代办) for an isolated person who cannot go out. */}
        <Link to={`/e/${token}`} data-testid="health-errand-entry">
          <Button block icon={<ShoppingOutlined />}>
            {t('errandOrders.errandEntry')}
          </Button>
        </Link>
        {outcome}
        {!second && s.remeasure ? (
          <Flex vertical gap={12} data-testid="remeasure-form">
            <Alert
              type="warning"
              showIcon
              title={t('health.remeasureTitle')}
              description={t('health.remeasureHint', {
                t: s.remeasure.temperature.toFixed(1),
                by: formatDateTime(s.remeasure.dueBy),
              })}
            />
            <TemperaturePicker value={retemp} onChange={setRetemp} />
            <Button
              type="primary"
              size="large"
              block
              loading={remeasure.isPending}
              onClick={() => void sendSecond()}
              data-testid="remeasure-submit"
            >
              {t('health.remeasureSubmit')}
            </Button>
          </Flex>
        ) : null}
        {s.next && !s.remeasure && kept !== `${s.next.slotOn}${s.next.slot}` ? (
          <Flex vertical gap={16} data-testid="report-form">
            <Typography.Text strong>
              {t('health.reportFor', { date: s.next.slotOn, slot: slotName(s.next.slot) })}
            </Typography.Text>
            {s.next.late ? <Alert type="warning" showIcon title={t('health.late')} data-testid="late-note" /> : null}
            <TemperaturePicker value={temp} onChange={setTemp} />
            <div>
              <Typography.Text>{t('health.symptoms')}</Typography.Text>
              <Checkbox.Group
                value={symptoms}
                onChange={(v) => setSymptoms(v as Symptom[])}
                style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8, marginTop: 8 }}
                options={SYMPTOMS.map((x) => ({ value: x, label: t(`health.symptom.${x}`) }))}
              />
            </div>
            <div>
              <Typography.Text>{t('health.feeling')}</Typography.Text>
              <Radio.Group
                value={feeling}
                onChange={(e) => setFeeling(e.target.value as Feeling)}
                optionType="button"
                buttonStyle="solid"
                size="large"
                style={{ display: 'flex', marginTop: 8 }}
                options={(['good', 'fair', 'unwell'] as const).map((f) => ({ value: f, label: t(`health.feelings.${f}`) }))}
              />
            </div>
            <Input.TextArea
              value={help}
              onChange={(e) => setHelp(e.target.value)}
              maxLength={200}
              showCount
              rows={2}
              placeholder={t('health.help')}
              data-testid="help-box"
            />
            <Button
              type="primary"
              size="large"
              block
              loading={submit.isPending}
              onClick={() => void send()}
              data-testid="report-submit"
            >
              {t('health.submit')}
            </Button>
          </Flex>
        ) : null}
        {!s.next && !s.remeasure && !outcome ? (
          <Alert
            type="info"
            showIcon
            data-testid="nothing-due"
            title={
              s.upcoming
                ? t('health.nothingDue', {
                    date: s.upcoming.slotOn,
                    slot: slotName(s.upcoming.slot),
                    from: s.windows[s.upcoming.slot].from,
                  })
                : t('health.allDone')
            }
          />
        ) : null}
        {s.recent.length ? (
          <div>
            <Typography.Text type="secondary">{t('health.recent')}</Typography.Text>
            {s.recent.map((r) => (
              <Flex
                key={`${r.slotOn}${r.slot}`}
                justify="space-between"
                style={{ padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}
              >
                <span>
                  {r.slotOn.slice(5)} {slotName(r.slot)}
                  {r.late ? ` · ${t('health.state.late')}` : ''}
                </span>
                <span
                  style={{ color: (r.remeasuredTemperature ?? r.temperature ?? 0) >= s.feverThreshold ? '#cf1322' : undefined }}
                >
                  {r.temperature?.toFixed(1)} °C
                  {r.remeasuredTemperature !== null ? ` → ${r.remeasuredTemperature.toFixed(1)} °C` : ''}
                </span>
              </Flex>
            ))}
          </div>
        ) : null}
      </Flex>
    );
  }
  return (
    <AuthCard
      title={
        // The resident's page has no app bar: the outbox's indicator sits by the title.
        <Flex justify="space-between" align="center" gap={8}>
          <span>{t('health.title')}</span>
          <SyncIndicator />
        </Flex>
      }
      width={440}
    >
      {content}
    </AuthCard>
  );
}
