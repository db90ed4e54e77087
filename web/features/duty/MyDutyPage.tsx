import { Card, Empty, Flex, Result, Skeleton, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { useMyDuty, type MyDuty, type MyDutyPage as MyDutyData } from './me.api.ts';
import { DutyList } from './my/DutyList.tsx';
import { MySwaps } from './my/MySwaps.tsx';
import { isCurrent, NextDutyCard } from './my/NextDutyCard.tsx';
import { SwapSheet } from './my/SwapSheet.tsx';

/** Readable on a desk too, without stretching the cards across a wide screen. */
const COLUMN = { width: '100%', maxWidth: 720, margin: '0 auto' } as const;

function isPast(duty: MyDuty, now: number): boolean {
  return !isCurrent(duty) && (duty.attendance === 'done' || duty.attendance === 'absent' || Date.parse(duty.endsAt) <= now);
}

/** The shift shown large: the one under way or open for check-in, else the next to come. */
function featured(duties: MyDuty[], now: number): MyDuty | undefined {
  return duties.find(isCurrent) ?? duties.find((d) => !isPast(d, now));
}

function Hours({ data }: { data: MyDutyData }) {
  const { t } = useTranslation();
  return (
    <Card styles={{ body: { padding: 16 } }}>
      <Flex gap={16}>
        <Statistic
          style={{ flex: 1 }}
          title={t('myDuty.hoursThisWeek')}
          value={data.hoursThisWeek}
          precision={1}
          suffix={t('myDuty.hoursUnit')}
          data-testid="my-duty-hours-week"
        />
        <Statistic
          style={{ flex: 1 }}
          title={t('myDuty.hoursTotal')}
          value={data.hoursTotal}
          precision={1}
          suffix={t('myDuty.hoursUnit')}
          data-testid="my-duty-hours-total"
        />
      </Flex>
    </Card>
  );
}

function Duties({ data }: { data: MyDutyData }) {
  const { t } = useTranslation();
  const [swapping, setSwapping] = useState<MyDuty | null>(null);
  const now = Date.now();
  const main = featured(data.duties, now);
  const rest = data.duties.filter((d) => d !== main);
  return (
    <>
      {main ? (
        <NextDutyCard duty={main} onSwap={setSwapping} />
      ) : (
        <Card>
          <Empty description={t('myDuty.noDuties')} data-testid="my-duty-empty">
            <Typography.Text type="secondary">{t('myDuty.noDutiesIntro')}</Typography.Text>
          </Empty>
        </Card>
      )}
      <DutyList
        title={t('myDuty.later')}
        duties={rest.filter((d) => !isPast(d, now))}
        past={false}
        onSwap={setSwapping}
        testId="my-duty-upcoming"
      />
      <DutyList
        title={t('myDuty.past')}
        duties={rest.filter((d) => isPast(d, now)).reverse()}
        past
        onSwap={setSwapping}
        testId="my-duty-past"
      />
      <MySwaps />
      {swapping ? <SwapSheet duty={swapping} onClose={() => setSwapping(null)} /> : null}
    </>
  );
}

/** 我的值守: the volunteer's phone page — hours, the shift that matters now, the rest, and swaps. */
export function MyDutyPage() {
  const { t } = useTranslation();
  const page = useMyDuty();
  let body;
  if (page.isError) body = <QueryError error={page.error} onRetry={() => void page.refetch()} />;
  else if (!page.data) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (!page.data.volunteer)
    body = (
      <Card>
        <Result
          status="info"
          title={t('myDuty.noVolunteer')}
          subTitle={t('myDuty.noVolunteerIntro')}
          data-testid="my-duty-no-volunteer"
        />
      </Card>
    );
  else
    body = (
      <>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="my-duty-greeting">
            {t('myDuty.greeting', { name: page.data.volunteer.name })}
          </Typography.Title>
          <Typography.Text type="secondary">{t('myDuty.greetingIntro')}</Typography.Text>
        </div>
        <Hours data={page.data} />
        <Duties data={page.data} />
      </>
    );
  return (
    <Flex vertical gap={16} style={COLUMN} data-testid="my-duty">
      {body}
    </Flex>
  );
}
