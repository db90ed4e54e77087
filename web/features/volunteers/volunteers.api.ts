import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Skill, VolunteerStatus } from '../../../common/enums.ts';
import { api, withQuery } from '../../app/api.ts';

import type { Static } from 'typebox';
import type {
  AvailabilitySlot,
  ImportProgressLine as ImportProgressLineSchema,
  ImportResultLineOut,
  PersonInput as ServerPersonInput,
  ServiceRecord as ServerServiceRecord,
  ServiceRecordItem,
  Volunteer as ServerVolunteer,
  VolunteerSummary as ServerVolunteerSummary,
} from '../../../server/features/volunteers/volunteers.schemas.ts';

// The shapes are the server's (one source of truth); these names are what the web app calls them.
export type Slot = AvailabilitySlot;
export type PersonInput = ServerPersonInput;
export type VolunteerSummary = ServerVolunteerSummary;
export type Volunteer = ServerVolunteer;
export type ServiceEntry = ServiceRecordItem;
export type ServiceRecord = ServerServiceRecord;
export type ImportProgressLine = Static<typeof ImportProgressLineSchema>;
export type ImportPhase = ImportProgressLine['phase'];
export type ImportResultLine = ImportResultLineOut;

/** The person as an answer shows them (a pledge or a volunteer): ID number and mobile masked. */
export type PersonOut = Pick<
  Volunteer,
  | 'name'
  | 'gender'
  | 'idNumber'
  | 'mobile'
  | 'partyMember'
  | 'partyBranch'
  | 'unitId'
  | 'unitName'
  | 'homeAddress'
  | 'regionId'
  | 'regionName'
  | 'skills'
  | 'availability'
>;

export interface Revealed {
  idNumber: string;
  mobile: string;
}

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

export interface VolunteerFilter {
  q?: string;
  mobile?: string;
  unitId?: string | null;
  regionId?: string | null;
  teamId?: string | null;
  skill?: Skill | null;
  status?: VolunteerStatus | null;
  partyMember?: boolean | null;
}

export const VOLUNTEERS_KEY = 'volunteers';

export function volunteerQuery(filter: VolunteerFilter) {
  return { ...filter, q: filter.q?.trim(), mobile: filter.mobile?.trim() };
}

export function useVolunteers(filter: VolunteerFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [VOLUNTEERS_KEY, 'list', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: VolunteerSummary[]; total: number }>(
        withQuery('/volunteers', { ...volunteerQuery(filter), limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useVolunteer(id: string) {
  return useQuery({
    queryKey: [VOLUNTEERS_KEY, 'detail', id],
    queryFn: () => api.get<Volunteer>(`/volunteers/${id}`),
  });
}

export function useServiceRecord(id: string) {
  return useQuery({
    queryKey: [VOLUNTEERS_KEY, 'service', id],
    queryFn: () => api.get<ServiceRecord>(`/volunteers/${id}/service-record`),
  });
}

/**
 * The units a person may name on the form: every unit on the platform, as the public pledge form
 * lists them. A county's staff register volunteers sent by city units too, which their own
 * (scoped) unit list does not hold.
 */
export function usePersonUnits() {
  return useQuery({
    queryKey: [VOLUNTEERS_KEY, 'person-units'],
    queryFn: async () => (await api.get<{ units: { id: string; name: string }[] }>('/pledges/form')).units,
    staleTime: 5 * 60_000,
  });
}
