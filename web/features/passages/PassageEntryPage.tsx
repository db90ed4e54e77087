import { AlertOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Result, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { submitEntry } from '../../field/sync/outbox.ts';
import { RiskTag } from '../checkpoints/CheckpointTags.tsx';
import { CheckpointTitle } from '../duty/my/DutyFacts.tsx';
import { EditPassageDrawer } from './entry/EditPassageDrawer.tsx';
import { blankEntry, createBody, isFever, type EntryValues } from './entry/entryValues.ts';
import type { Place } from './entry/OriginPicker.tsx';
import { PassageForm, showFirstProblem } from './entry/PassageForm.tsx';
import { RecentEntries } from './entry/RecentEntries.tsx';
import { TodayCounts } from './entry/TodayCounts.tsx';
import { passageSummary } from './entry/WaitingEntries.tsx';
import { PASSAGES_KEY, useDesk, type Passage, type PassageDesk } from './passages.api.ts';

const COLUMN = { width: '100%', maxWidth: 520, margin: '0 auto' } as const;
/** Chips of places logged lately: enough for the usual few, few enough to stay one or two rows. */
const RECENT_PLACES = 6;

function ToMyDuty() {
  const { t } = useTranslation();
  return (
    <Link to="/my-duty">
      <Button block size="large" data-testid="passage-my-duty">
        {t('passages.entry.toMyDuty')}
      </Button>
    </Link>
  );
}

/** The places the volunteer logged lately, newest first, each once. */
function recentPlaces(recent: Passage[]): Place[] {
  const places = new Map<string, Place>();
  for (const p of recent) {
    if (p.originCode && p.originName && !places.has(p.originCode))
      places.set(p.originCode, { code: p.originCode, name: p.originName });
  }
  return [...places.values()].slice(0, RECENT_PLACES);
}

/**
 * The entry itself. Direction and person/vehicle stay as they were after a save (a gate logs a
 * stream of arrivals, then a stream of departures); everything else starts fresh.
 */
function EntryCard({ desk, places }: { desk: PassageDesk; places: Place[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const report = useReportError();
  const language = useLanguage();
  const [form] = Form.useForm<EntryValues>();
  const [busy, setBusy] = useState(false);
  const [initial] = useState(() => blankEntry('in', 'person'));
  const temperature = Form.useWatch('temperature', form);
  const remeasured = Form.useWatch('remeasured', form);
  const fever = isFever(temperature, desk.settings) && isFever(remeasured, desk.settings);

  async function save(values: EntryValues) {
    setBusy(true);
    try {
      const body = createBody(desk.checkpoint.id, values, desk.settings);
      // Through the outbox: without network the entry stays on the phone, with the time it was made.
      const saved = await submitEntry<Passage>({
        kind: 'passage',
        method: 'POST',
        url: '/api/v1/passages',
        body: { ...body },
        madeAtField: 'occurredAt',
        summary: passageSummary(body, language),
      });
      // A follow-up is what the volunteer must not miss: it gets the one notice, longer.
      if (!saved.sent) void message.info(t('sync.keptOffline'));
      else if (saved.data.followUps.length) void message.warning(t('passages.entry.savedWithFollowUp'), 6);
      else void message.success(t('passages.entry.saved'));
      form.setFieldsValue(blankEntry(values.direction, values.subject));
      window.scrollTo({ top: 0, behavior: 'smooth' });
      await client.invalidateQueries({ queryKey: [PASSAGES_KEY] });
    } catch (e) {
      // A refusal: the form keeps what was entered, with the server's reasons under the fields.
      report(e, form);
      showFirstProblem(form);
      // Off shift since the page loaded: the page says so instead of the form.
      if (e instanceof ApiError && e.status === 403) void client.invalidateQueries({ queryKey: [PASSAGES_KEY] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card styles={{ body: { padding: 16, paddingBottom: 0 } }} data-testid="passage-entry">
      <PassageForm
        form={form}
        initialValues={initial}
        settings={desk.settings}
        riskAreas={desk.riskAreas}
        recentPlaces={places}
        onFinish={(v) => void save(v)}
        testId="passage"
        footer={
          // Always in reach of the thumb, however far down the form was scrolled.
          <div
            style={{
              position: 'sticky',
              bottom: 0,
              zIndex: 5,
              background: '#fff',
              margin: '0 -16px',
              padding: '10px 16px 12px',
              borderTop: '1px solid #f0f0f0',
              borderRadius: '0 0 8px 8px',
            }}
          >
            <Button
              type="primary"
              danger={fever}
              htmlType="submit"
              block
              loading={busy}
              icon={fever ? <AlertOutlined /> : undefined}
              style={{ height: 56, fontSize: 20, fontWeight: 600 }}
              data-testid="passage-save"
            >
              {fever ? t('passages.entry.saveFever') : t('passages.entry.save')}
            </Button>
          </div>
        }
      />
    </Card>
  );
}

/** Not on a shift here now: say so rather than let the volunteer fill a form the server refuses. */
function CannotLog() {
  const { t } = useTranslation();
  return (
    <Card data-testid="passage-cannot-log">
      <Result
        status="warning"
        title={t('passages.entry.notOnDuty')}
        subTitle={t('passages.entry.notOnDutyIntro')}
        style={{ padding: '8px 0' }}
        extra={<ToMyDuty />}
      />
    </Card>
  );
}

function Desk({ desk }: { desk: PassageDesk }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Passage | null>(null);
  const places = useMemo(() => recentPlaces(desk.recent), [desk.recent]);
  const { checkpoint } = desk;
  return (
    <Flex vertical gap={12}>
      <Card styles={{ body: { padding: 16 } }} data-testid="passage-desk" data-checkpoint={checkpoint.id}>
        <Flex vertical gap={6}>
          <Flex justify="space-between" align="center">
            <Typography.Text type="secondary">{t('passages.entry.title')}</Typography.Text>
            <Link to={`/field-issues/new?checkpointId=${checkpoint.id}`} reloadDocument data-testid="passage-raise-issue">
              {t('passages.entry.raiseIssue')}
            </Link>
          </Flex>
          <Flex wrap align="center" gap={8}>
            <CheckpointTitle name={checkpoint.name} kind={checkpoint.kind} large />
            <RiskTag risk={checkpoint.risk} />
          </Flex>
          <Typography.Text type="secondary">{checkpoint.regionName}</Typography.Text>
          <Typography.Text strong style={{ marginTop: 6 }}>
            {t('passages.entry.today')}
          </Typography.Text>
          <TodayCounts today={desk.today} />
        </Flex>
      </Card>
      {desk.canLog ? <EntryCard desk={desk} places={places} /> : <CannotLog />}
      {desk.canLog || desk.recent.length ? (
        <RecentEntries checkpointId={checkpoint.id} recent={desk.recent} onEdit={setEditing} />
      ) : null}
      {editing ? (
        <EditPassageDrawer
          passage={editing}
          settings={desk.settings}
          riskAreas={desk.riskAreas}
          recentPlaces={places}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Flex>
  );
}

/** 卡点登记: a volunteer on duty logs each passer at the gate, on a phone, in a few taps. */
export function PassageEntryPage() {
  const { t } = useTranslation();
  const { checkpointId = '' } = useParams();
  const desk = useDesk(checkpointId);
  let body;
  if (desk.error instanceof ApiError && [400, 404].includes(desk.error.status))
    body = (
      <Card>
        <Result
          status="warning"
          title={t('passages.entry.notFound')}
          subTitle={t('passages.entry.notFoundIntro')}
          extra={<ToMyDuty />}
          data-testid="passage-not-found"
        />
      </Card>
    );
  // A refresh that failed for want of network keeps the page as last read: the volunteer logs on.
  else if (desk.data) body = <Desk desk={desk.data} />;
  else if (desk.isError) body = <QueryError error={desk.error} onRetry={() => void desk.refetch()} />;
  else body = <Skeleton active paragraph={{ rows: 10 }} />;
  return <div style={COLUMN}>{body}</div>;
}
