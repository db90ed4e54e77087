import { EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Pagination,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TablePaginationConfig,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState, type CSSProperties, type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASE_STATUS_LABELS, ISOLATION_KIND_LABELS } from '../../../common/labels.ts';
import type { CaseRef, PersonOut, PersonReveal, PlaceOut } from '../../../server/features/quarantine/returnees.schemas.ts';
import { useConfirm } from '../../app/confirm.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';

const DAY = 'YYYY-MM-DD';

/**
 * A returnee or close contact row. `anonymised`: kept past its retention period, the person is
 * gone (name 已匿名, no ID number or mobile): nothing to reveal or correct.
 */
export interface ListedPerson extends PersonOut, PlaceOut {
  id: string;
  case: CaseRef | null;
}

/** Rows and cards of anonymised people stay in the list, greyed. */
export const ANONYMISED_STYLE: CSSProperties = { opacity: 0.55 };

export function AnonymisedTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('cases.anonymisedHint')}>
      <Tag style={{ marginInlineEnd: 0 }} data-testid="person-anonymised">
        {t('cases.anonymised')}
      </Tag>
    </Tooltip>
  );
}

/** The isolation case opened for the person, linked to its page. */
export function CaseLink({ value }: { value: CaseRef | null }) {
  const language = useLanguage();
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Link to={`/quarantine/cases/${value.id}`} data-testid={`case-link-${value.id}`}>
      {value.ref} · {ISOLATION_KIND_LABELS[value.kind][language]} · {CASE_STATUS_LABELS[value.status][language]}
    </Link>
  );
}

/** Name, ID number and mobile as the list may show them: masked unless revealed; a tag once anonymised. */
export function PersonCell({ person, revealed }: { person: Omit<ListedPerson, 'id' | 'case'>; revealed?: PersonReveal }) {
  if (person.anonymised) return <AnonymisedTag />;
  const shown = revealed ?? person;
  return (
    <Flex vertical gap={0}>
      <Typography.Text strong>{shown.name}</Typography.Text>
      {shown.mobile ? <span>{shown.mobile}</span> : null}
      {shown.idNumber ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {shown.idNumber}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** The community or grid, and the household's address (or the one typed). */
function PlaceCell({ person }: { person: ListedPerson }) {
  const address = person.householdAddress ?? person.address;
  return (
    <Flex vertical gap={0} style={{ maxWidth: 220 }}>
      <span>{person.regionName}</span>
      {address ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {address}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** The person behind a row's masks, after a confirmation saying the look is audited; kept while the list is shown. */
export function useRevealedPeople(testId: string, fetch: (id: string) => Promise<PersonReveal>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const [revealed, setRevealed] = useState<Record<string, PersonReveal>>({});
  const reveal = useCallback(
    (id: string) =>
      confirm({
        title: t('returnees.revealTitle'),
        content: t('returnees.revealConfirm'),
        okText: t('returnees.reveal'),
        testId,
        action: async () => {
          const shown = await fetch(id);
          setRevealed((prev) => ({ ...prev, [id]: shown }));
          void message.info(t('returnees.revealAudited'));
        },
      }),
    [confirm, fetch, message, t, testId],
  );
  return { revealed, reveal };
}

/** Which desk: names the test ids (`returnee-edit-<id>`, `returnees-table`, …). */
export type PeopleKind = 'returnee' | 'contact';

/**
 * A row's buttons: the desk's own first (`children`), then correct and reveal
 * (`<kind>-edit-<id>`, `<kind>-reveal-<id>`). An anonymised person has none.
 */
export function PersonActions({
  kind,
  person,
  canWrite,
  revealed,
  onEdit,
  onReveal,
  children,
}: {
  kind: PeopleKind;
  person: ListedPerson;
  canWrite: boolean;
  revealed: boolean;
  onEdit: () => void;
  /** Absent without the reveal permission. */
  onReveal: (() => void) | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  if (person.anonymised) return null;
  return (
    <Flex gap={4} wrap>
      {children}
      {canWrite ? (
        <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid={`${kind}-edit-${person.id}`}>
          {t('returnees.edit')}
        </Button>
      ) : null}
      {onReveal && !revealed ? (
        <Button size="small" icon={<EyeOutlined />} onClick={onReveal} data-testid={`${kind}-reveal-${person.id}`}>
          {t('returnees.reveal')}
        </Button>
      ) : null}
    </Flex>
  );
}

export interface PeopleFilter {
  regionId?: string | null;
  from?: string | null;
  to?: string | null;
}

/**
 * The filter row of a people desk: place and a date range (`<testId>-region`, `<testId>-range`),
 * then the desk's own filters; `above` sits on a line of its own.
 */
export function PeopleFilters({
  testId,
  filter,
  change,
  range,
  above,
  children,
}: {
  testId: string;
  filter: PeopleFilter;
  change: (key: keyof PeopleFilter) => (value: string | null) => void;
  /** The range's two placeholders. */
  range: [string, string];
  above?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const filterWidth = useFilterWidth();
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      {above}
      <Flex wrap gap={8}>
        <RegionTreeSelect
          allowClear
          placeholder={t('returnees.filterRegion')}
          value={filter.regionId ?? null}
          onChange={change('regionId')}
          testId={`${testId}-region`}
          style={filterWidth(220)}
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
          onChange={(picked) => {
            change('from')(picked?.[0]?.format(DAY) ?? null);
            change('to')(picked?.[1]?.format(DAY) ?? null);
          }}
          placeholder={range}
          style={filterWidth(260)}
          data-testid={`${testId}-range`}
        />
        {children}
      </Flex>
    </Flex>
  );
}

export interface PeopleColumn<T> {
  key: string;
  title: string;
  render: (person: T) => ReactNode;
}

/**
 * A people desk (returnees, close contacts): header with the register button, filters, and the
 * list — a table on a desk (person, the desk's `columns`, place, case, actions), cards on a phone.
 * Test ids: `<kind>-create`, `<kind>s-table`, `<kind>-row-<id>`, `<kind>s-cards`, `<kind>-card-<id>`.
 */
export function PeopleDesk<T extends ListedPerson>({
  kind,
  title,
  register,
  onRegister,
  filters,
  list,
  paging,
  empty,
  revealed,
  columns,
  actions,
}: {
  kind: PeopleKind;
  title: string;
  register: string;
  /** Absent without the write permission. */
  onRegister: (() => void) | null;
  filters: ReactNode;
  list: UseQueryResult<{ items: T[]; total: number }>;
  paging: {
    page: number;
    pageSize: number;
    setPage: (page: number) => void;
    pagination: (total: number) => TablePaginationConfig;
  };
  empty: string;
  revealed: Record<string, PersonReveal>;
  columns: PeopleColumn<T>[];
  actions: (person: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const { page, pageSize, setPage, pagination } = paging;
  return (
    <>
      <PageHeader
        title={title}
        extra={
          onRegister ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={onRegister} data-testid={`${kind}-create`}>
              {register}
            </Button>
          ) : null
        }
      />
      <Card>
        {filters}
        {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
        {phone ? (
          <Flex vertical gap={12} data-testid={`${kind}s-cards`}>
            {list.data && !items.length ? <Empty description={empty} /> : null}
            {items.map((p) => (
              <Card
                key={p.id}
                size="small"
                style={p.anonymised ? ANONYMISED_STYLE : undefined}
                data-testid={`${kind}-card-${p.id}`}
              >
                <Flex vertical gap={6}>
                  <Flex justify="space-between" align="start" gap={8}>
                    <PersonCell person={p} revealed={revealed[p.id]} />
                    <Typography.Text type="secondary">{p.regionName}</Typography.Text>
                  </Flex>
                  {columns.map((c) => (
                    <div key={c.key}>{c.render(p)}</div>
                  ))}
                  {p.case ? <CaseLink value={p.case} /> : null}
                  {actions(p)}
                </Flex>
              </Card>
            ))}
            {total > pageSize ? <Pagination simple current={page} pageSize={pageSize} total={total} onChange={setPage} /> : null}
          </Flex>
        ) : (
          <Table<T>
            rowKey="id"
            loading={list.isFetching}
            dataSource={items}
            scroll={{ x: 'max-content' }}
            pagination={pagination(total)}
            locale={{ emptyText: <Empty description={empty} /> }}
            onRow={(p) =>
              ({
                'data-testid': `${kind}-row-${p.id}`,
                style: p.anonymised ? ANONYMISED_STYLE : undefined,
              }) as HTMLAttributes<HTMLElement>
            }
            columns={[
              {
                key: 'person',
                title: t('returnees.person'),
                render: (_: unknown, p: T) => <PersonCell person={p} revealed={revealed[p.id]} />,
              },
              ...columns.map((c) => ({ key: c.key, title: c.title, render: (_: unknown, p: T) => c.render(p) })),
              { key: 'region', title: t('returnees.region'), render: (_: unknown, p: T) => <PlaceCell person={p} /> },
              { key: 'case', title: t('returnees.case'), render: (_: unknown, p: T) => <CaseLink value={p.case} /> },
              { key: 'actions', title: t('common.actions'), fixed: 'right' as const, render: (_: unknown, p: T) => actions(p) },
            ]}
            data-testid={`${kind}s-table`}
          />
        )}
      </Card>
    </>
  );
}
