/** Every feature's message catalog; the platform's own messages live in platform/i18n.ts. */
import type { FeatureMessages } from '../platform/i18n.ts';
import { checkpointsMessages } from './checkpoints/checkpoints.messages.ts';
import { attendanceMessages } from './duty/attendance.messages.ts';
import { rostersMessages } from './duty/rosters.messages.ts';
import { fieldIssuesMessages } from './field-issues/field-issues.messages.ts';
import { inspectionsMessages } from './inspections/inspections.messages.ts';
import { passagesMessages } from './passages/passages.messages.ts';
import { followUpsMessages } from './quarantine/follow-ups.messages.ts';
import { casesMessages } from './quarantine/cases.messages.ts';
import { caseServicesMessages } from './quarantine/case-services.messages.ts';
import { alertsMessages } from './quarantine/alerts.messages.ts';
import { healthReportsMessages } from './quarantine/health-reports.messages.ts';
import { returneesMessages } from './quarantine/returnees.messages.ts';
import { contactsMessages } from './quarantine/contacts.messages.ts';
import { householdsMessages } from './households/households.messages.ts';
import { screeningMessages } from './households/screening.messages.ts';
import { riskAreasMessages } from './risk-areas/risk-areas.messages.ts';
import { pledgesMessages } from './volunteers/pledges.messages.ts';
import { teamsMessages } from './teams/teams.messages.ts';
import { volunteersMessages } from './volunteers/volunteers.messages.ts';
import { publicityMessages } from './publicity/publicity.messages.ts';
import { disinfectionMessages } from './disinfection/disinfection.messages.ts';
import { suppliesMessages } from './supplies/supplies.messages.ts';
import { errandOrdersMessages } from './errands/orders.messages.ts';
import { errandDispatchMessages } from './errands/dispatch.messages.ts';
import { errandRunsMessages } from './errands/runs.messages.ts';
import { dailyReportMessages } from './reports/daily-report.messages.ts';
import { certificatesMessages } from './recognition/certificates.messages.ts';
import { rankingsMessages } from './recognition/rankings.messages.ts';
import { syncMessages } from './sync/sync.messages.ts';

export const FEATURE_MESSAGES: readonly FeatureMessages[] = [
  pledgesMessages,
  volunteersMessages,
  teamsMessages,
  checkpointsMessages,
  rostersMessages,
  attendanceMessages,
  inspectionsMessages,
  fieldIssuesMessages,
  riskAreasMessages,
  passagesMessages,
  followUpsMessages,
  casesMessages,
  caseServicesMessages,
  healthReportsMessages,
  alertsMessages,
  returneesMessages,
  contactsMessages,
  householdsMessages,
  screeningMessages,
  publicityMessages,
  disinfectionMessages,
  suppliesMessages,
  errandOrdersMessages,
  errandDispatchMessages,
  errandRunsMessages,
  dailyReportMessages,
  certificatesMessages,
  rankingsMessages,
  syncMessages,
];
