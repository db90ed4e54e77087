import { Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_EXPOSURE_KINDS, type ContactExposureKind } from '../../../common/enums.ts';
import { CONTACT_EXPOSURE_KIND_LABELS } from '../../../common/labels.ts';
import { can, useMe } from '../../app/session.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter, YesNoFilter } from '../../components/filters.tsx';
import { textParam, useUrlPagedFilter } from '../../components/useUrlFilter.ts';
import { useLiveRefresh } from '../passages/useLiveRefresh.ts';
import { ContactFormModal } from './ContactFormModal.tsx';
import { CONTACT_EVENTS, CONTACTS_KEY, revealContact, useContacts, type Contact, type ContactFilter } from './contacts.api.ts';
import { PeopleDesk, PeopleFilters, PersonActions, useRevealedPeople } from './PersonParts.tsx';

/** 密切接触者: the close contacts case notices named in the caller's communities, with the isolation case opened for each. */
export function ContactsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const filterWidth = useFilterWidth();
  const me = useMe().data;
  const canWrite = can(me, 'quarantine.write');
  const { filter, change, ...paging } = useUrlPagedFilter<ContactFilter>({ regionId: textParam });
  const list = useContacts(filter, paging.page, paging.pageSize);
  useLiveRefresh(CONTACT_EVENTS, CONTACTS_KEY);
  const { revealed, reveal } = useRevealedPeople('contact-reveal-confirm', revealContact);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);

  return (
    <>
      <PeopleDesk<Contact>
        kind="contact"
        title={t('returnees.contacts.title')}
        register={t('returnees.contacts.register')}
        onRegister={canWrite ? () => setEditing('new') : null}
        list={list}
        paging={paging}
        empty={t('returnees.contacts.empty')}
        revealed={revealed}
        filters={
          <PeopleFilters
            testId="contacts"
            filter={filter}
            change={change}
            range={[t('returnees.contacts.filterFrom'), t('returnees.contacts.filterTo')]}
          >
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
          </PeopleFilters>
        }
        columns={[
          {
            key: 'exposure',
            title: t('returnees.contacts.sourceCase'),
            render: (c) => (
              <Flex vertical gap={2} style={{ maxWidth: 320 }}>
                <Flex gap={4} align="center">
                  <Tag style={{ marginInlineEnd: 0 }}>{CONTACT_EXPOSURE_KIND_LABELS[c.exposureKind][language]}</Tag>
                  <span>{c.lastExposureOn}</span>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.sourceCase}
                </Typography.Text>
              </Flex>
            ),
          },
        ]}
        actions={(c) => (
          <PersonActions
            kind="contact"
            person={c}
            canWrite={canWrite}
            revealed={!!revealed[c.id]}
            onEdit={() => setEditing(c)}
            onReveal={can(me, 'quarantine.reveal') ? () => reveal(c.id) : null}
          />
        )}
      />
      {editing ? <ContactFormModal contact={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
