import { EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Flex, Pagination, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_EXPOSURE_KINDS, type ContactExposureKind } from '../../../common/enums.ts';
import { CONTACT_EXPOSURE_KIND_LABELS } from '../../../common/labels.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter, usePagedFilter, YesNoFilter } from '../../components/filters.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useLiveRefresh } from '../passages/useLiveRefresh.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { ContactFormModal } from './ContactFormModal.tsx';
import { CONTACT_EVENTS, CONTACTS_KEY, revealContact, useContacts, type Contact, type ContactFilter } from './contacts.api.ts';
import { CaseLink, PersonCell, useRevealedPeople } from './ReturneeParts.tsx';

const DAY = 'YYYY-MM-DD';

/** 密切接触者: the close contacts case notices named in the caller's communities, with the isolation case opened for each. */
export function ContactsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const phone = useIsPhone();
  const filterWidth = useFilterWidth();
  const me = useMe().data;
  const canWrite = can(me, 'quarantine.write');
  const canReveal = can(me, 'quarantine.reveal');
  const { filter, change, page, pageSize, setPage, pagination } = usePagedFilter<ContactFilter>();
  const list = useContacts(filter, page, pageSize);
  useLiveRefresh(CONTACT_EVENTS, CONTACTS_KEY);
  const { revealed, reveal } = useRevealedPeople('contact-reveal-confirm', revealContact);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const items = list.data?.items ?? [];

  const actions = (c: Contact) => (
    <Flex gap={4} wrap>
      {canWrite ? (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} data-testid={`contact-edit-${c.id}`}>
          {t('returnees.edit')}
        </Button>
      ) : null}
      {canReveal && !revealed[c.id] ? (
        <Button size="small" icon={<EyeOutlined />} onClick={() => reveal(c.id)} data-testid={`contact-reveal-${c.id}`}>
          {t('returnees.reveal')}
        </Button>
      ) : null}
    </Flex>
  );
  const exposure = (c: Contact) => (
    <Flex vertical gap={2} style={{ maxWidth: 320 }}>
      <Flex gap={4} align="center">
        <Tag style={{ marginInlineEnd: 0 }}>{CONTACT_EXPOSURE_KIND_LABELS[c.exposureKind][language]}</Tag>
        <span>{c.lastExposureOn}</span>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {c.sourceCase}
      </Typography.Text>
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={t('returnees.contacts.title')}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="contact-create">
              {t('returnees.contacts.register')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <RegionTreeSelect
            allowClear
            placeholder={t('returnees.filterRegion')}
            value={filter.regionId ?? null}
            onChange={change('regionId')}
            testId="contacts-region"
            style={filterWidth(220)}
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
            onChange={(range) => {
              change('from')(range?.[0]?.format(DAY) ?? null);
              change('to')(range?.[1]?.format(DAY) ?? null);
            }}
            placeholder={[t('returnees.contacts.filterFrom'), t('returnees.contacts.filterTo')]}
            style={filterWidth(260)}
            data-testid="contacts-range"
          />
          <SelectFilter<ContactExposureKind>
            label={t('returnees.contacts.exposureKind')}
            value={filter.exposureKind}
            onChange={change('exposureKind')}
            options={CONTACT_EXPOSURE_KINDS.map((k) => ({ value: k, label: CONTACT_EXPOSURE_KIND_LABELS[k][language] }))}
            style={filterWidth(140)}
            testId="contacts-kind"
          />
          <YesNoFilter
            label={t('returnees.contacts.hasCase')}
            yes={t('returnees.contacts.caseYes')}
            no={t('returnees.contacts.caseNo')}
            value={filter.hasCase}
            onChange={change('hasCase')}
            style={filterWidth(150)}
            testId="contacts-has-case"
          />
        </Flex>
        {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
        {phone ? (
          <Flex vertical gap={12} data-testid="contacts-cards">
            {list.data && !items.length ? <Empty description={t('returnees.contacts.empty')} /> : null}
            {items.map((c) => (
              <Card key={c.id} size="small" data-testid={`contact-card-${c.id}`}>
                <Flex vertical gap={6}>
                  <Flex justify="space-between" align="start" gap={8}>
                    <PersonCell person={c} revealed={revealed[c.id]} />
                    <Typography.Text type="secondary">{c.regionName}</Typography.Text>
                  </Flex>
                  {exposure(c)}
                  <CaseLink value={c.case} />
                  {actions(c)}
                </Flex>
              </Card>
            ))}
            {list.data && list.data.total > pageSize ? (
              <Pagination simple current={page} pageSize={pageSize} total={list.data.total} onChange={setPage} />
            ) : null}
          </Flex>
        ) : (
          <Table<Contact>
            rowKey="id"
            loading={list.isFetching}
            dataSource={items}
            scroll={{ x: 'max-content' }}
            pagination={pagination(list.data?.total ?? 0)}
            locale={{ emptyText: <Empty description={t('returnees.contacts.empty')} /> }}
            onRow={(c) => ({ 'data-testid': `contact-row-${c.id}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                key: 'person',
                title: t('returnees.person'),
                render: (_: unknown, c: Contact) => <PersonCell person={c} revealed={revealed[c.id]} />,
              },
              {
                key: 'region',
                title: t('returnees.region'),
                render: (_: unknown, c: Contact) => (
                  <Flex vertical gap={0} style={{ maxWidth: 220 }}>
                    <span>{c.regionName}</span>
                    {(c.householdAddress ?? c.address) ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {c.householdAddress ?? c.address}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                ),
              },
              { key: 'exposure', title: t('returnees.contacts.sourceCase'), render: (_: unknown, c: Contact) => exposure(c) },
              { key: 'case', title: t('returnees.case'), render: (_: unknown, c: Contact) => <CaseLink value={c.case} /> },
              {
                key: 'actions',
                title: t('common.actions'),
                fixed: 'right' as const,
                render: (_: unknown, c: Contact) => actions(c),
              },
            ]}
            data-testid="contacts-table"
          />
        )}
      </Card>
      {editing ? <ContactFormModal contact={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
