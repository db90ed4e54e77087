import { LeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Result, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { InspectionRating } from '../../../common/enums.ts';
import { ApiError } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { RiskTag } from '../checkpoints/CheckpointTags.tsx';
import { CheckpointTitle, PlaceLine } from '../duty/my/DutyFacts.tsx';
import { clock } from '../duty/dutyTime.ts';
import { DUTY_NOW_KEY } from '../duty/now.api.ts';
import { INSPECTIONS_KEY, useCrew, type CreateInspectionInput, type Inspection, type InspectionCrew } from './inspections.api.ts';
import { CrewMarks, defaultMarks, type Marks } from './visit/CrewMarks.tsx';
import { RatingsFields } from './visit/RatingsFields.tsx';
import { VisitResult } from './visit/VisitResult.tsx';
import { useVisitTime } from './visitTime.ts';

const COLUMN = { width: '100%', maxWidth: 560, margin: '0 auto' } as const;

interface VisitForm {
  ratings: Record<InspectionRating, number>;
  findings?: string;
  groupId?: string | null;
}

function BackToRound() {
  const { t } = useTranslation();
  return (
    <Link to="/inspect" data-testid="visit-back">
      <Button type="link" icon={<LeftOutlined />} style={{ paddingInline: 0 }}>
        {t('inspections.visit.backToRound')}
      </Button>
    </Link>
  );
}

function Header({ crew }: { crew: InspectionCrew }) {
  const { t } = useTranslation();
  const visitTime = useVisitTime();
  const { checkpoint, lastVisit } = crew;
  const required = crew.shifts.reduce((sum, s) => sum + s.required, 0);
  return (
    <Card styles={{ body: { padding: 16 } }} data-testid="visit-checkpoint" data-checkpoint={checkpoint.id}>
      <Flex vertical gap={8}>
        <Flex wrap align="center" gap={8}>
          <CheckpointTitle name={checkpoint.name} kind={checkpoint.kind} large />
          <RiskTag risk={checkpoint.risk} />
        </Flex>
        <PlaceLine regionName={checkpoint.regionName} address={checkpoint.address} />
        <Typography.Text type="secondary" data-testid="visit-last">
          {lastVisit
            ? t('inspections.visit.lastVisit', { time: visitTime(lastVisit.visitedAt), name: lastVisit.inspectorName })
            : t('inspections.visit.firstVisit')}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('inspections.visit.seenAt', { time: clock(crew.at), required, assigned: crew.crew.length })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** The visit as the inspector records it on the spot: who is there, how the post is run, what was found. */
function VisitFormCard({ crew, onDone }: { crew: InspectionCrew; onDone: (visit: Inspection) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const report = useReportError();
  const create = useIdempotentCreate();
  const [form] = Form.useForm<VisitForm>();
  const [marks, setMarks] = useState<Marks>(() => defaultMarks(crew.crew));
  const [busy, setBusy] = useState(false);
  const groups = crew.groups;

  async function submit(values: VisitForm) {
    // Recorded at the moment the crew was seen, so the marks belong to the shifts shown.
    const body: CreateInspectionInput = {
      checkpointId: crew.checkpoint.id,
      visitedAt: crew.at,
      groupId: groups.length > 1 ? (values.groupId ?? null) : (groups[0]?.id ?? null),
      marks: crew.crew.map((m) => ({ assignmentId: m.assignmentId, mark: marks[m.assignmentId] ?? 'absent' })),
      ratings: values.ratings,
      findings: values.findings?.trim() || null,
    };
    setBusy(true);
    try {
      const visit = await create<Inspection>('/inspections', body);
      onDone(visit);
      window.scrollTo({ top: 0 });
      await Promise.all([
        client.invalidateQueries({ queryKey: [INSPECTIONS_KEY] }),
        client.invalidateQueries({ queryKey: [DUTY_NOW_KEY] }),
      ]);
    } catch (e) {
      report(e, form);
    } finally {
      setBusy(false);
    }
  }

  const absent = crew.crew.filter((m) => marks[m.assignmentId] !== 'present').length;
  return (
    <Form<VisitForm>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ groupId: groups[0]?.id ?? null }}
      onFinish={(v) => void submit(v)}
      scrollToFirstError
    >
      <Flex vertical gap={16}>
        <Card
          styles={{ body: { padding: 12 } }}
          title={t('inspections.visit.crewTitle')}
          extra={
            crew.crew.length ? (
              <Typography.Text type={absent ? 'danger' : 'success'} data-testid="visit-absent-count">
                {t('inspections.visit.absentCount', { count: absent })}
              </Typography.Text>
            ) : null
          }
        >
          {crew.crew.length ? (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('inspections.visit.crewHint')}
            </Typography.Paragraph>
          ) : null}
          <CrewMarks crew={crew.crew} marks={marks} onChange={setMarks} />
        </Card>
        <Card styles={{ body: { padding: 16 } }} title={t('inspections.visit.ratingsTitle')}>
          <RatingsFields />
        </Card>
        <Card styles={{ body: { padding: 16 } }} title={t('inspections.visit.findingsTitle')}>
          <Form.Item name="findings" style={{ marginBottom: groups.length > 1 ? 16 : 0 }}>
            <Input.TextArea
              maxLength={2000}
              showCount
              autoSize={{ minRows: 3, maxRows: 10 }}
              placeholder={t('inspections.visit.findingsPlaceholder')}
              aria-label={t('inspections.visit.findingsTitle')}
              data-testid="visit-findings"
            />
          </Form.Item>
          {groups.length > 1 ? (
            <Form.Item name="groupId" label={t('inspections.visit.group')} style={{ marginBottom: 0 }}>
              <Select size="large" options={groups.map((g) => ({ value: g.id, label: g.name }))} data-testid="visit-group" />
            </Form.Item>
          ) : groups[0] ? (
            <Typography.Text type="secondary">{t('inspections.visit.asGroup', { name: groups[0].name })}</Typography.Text>
          ) : null}
        </Card>
        <Button
          type="primary"
          size="large"
          block
          htmlType="submit"
          loading={busy}
          style={{ height: 52 }}
          data-testid="visit-submit"
        >
          {t('inspections.visit.submit')}
        </Button>
      </Flex>
    </Form>
  );
}

/** 到岗检查: one checkpoint, on the inspector's phone, at the moment they stand at it. */
export function VisitPage() {
  const { t } = useTranslation();
  const { checkpointId = '' } = useParams();
  const crew = useCrew(checkpointId);
  const [done, setDone] = useState<Inspection | null>(null);

  let body;
  if (crew.error instanceof ApiError && (crew.error.status === 404 || crew.error.status === 400))
    body = (
      <Card>
        <Result
          status="warning"
          title={t('inspections.visit.notFound')}
          subTitle={t('inspections.visit.notFoundIntro')}
          data-testid="visit-not-found"
        />
      </Card>
    );
  else if (crew.isError) body = <QueryError error={crew.error} onRetry={() => void crew.refetch()} />;
  else if (!crew.data) body = <Skeleton active paragraph={{ rows: 10 }} />;
  else
    body = (
      <>
        <Header crew={crew.data} />
        {done ? <VisitResult visit={done} /> : <VisitFormCard crew={crew.data} onDone={setDone} />}
      </>
    );
  return (
    <Flex vertical gap={12} style={COLUMN} data-testid="visit-page">
      <BackToRound />
      {body}
    </Flex>
  );
}
