import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ContactExposureKind } from '../../../common/enums.ts';
import type { Contact, CreateContactInput, UpdateContactInput } from '../../../server/features/quarantine/contacts.schemas.ts';
import type { PersonReveal } from '../../../server/features/quarantine/returnees.schemas.ts';
import { api, withQuery } from '../../app/api.ts';

export type { Contact, CreateContactInput, UpdateContactInput };

export const CONTACTS_KEY = 'contacts';
export const CONTACT_EVENTS = ['contact.created', 'contact.updated'] as const;

export interface ContactFilter {
  regionId?: string | null;
  from?: string | null;
  to?: string | null;
  exposureKind?: ContactExposureKind | null;
  hasCase?: boolean | null;
}

export function useContacts(filter: ContactFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [CONTACTS_KEY, 'list', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Contact[]; total: number }>(
        withQuery('/contacts', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function updateContact(id: string, body: UpdateContactInput) {
  return api.patch<Contact>(`/contacts/${id}`, body);
}

export function revealContact(id: string) {
  return api.post<PersonReveal>(`/contacts/${id}/reveal`);
}
