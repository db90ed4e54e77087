/**
 * Timeline entries written by the system (an edit's list of changes, an escalation) are stored as
 * facts and worded when read, so each reader sees them in their own language, as notifications are.
 */
import type { FieldIssueCategory, FieldIssueEventKind, Language } from '../../../common/enums.ts';
import { FIELD_ISSUE_CATEGORY_LABELS } from '../../../common/labels.ts';
import { localDateTime } from '../../platform/dates.ts';
import { translate } from '../../platform/i18n.ts';

export type EditedField = 'category' | 'title' | 'description' | 'ownerRegion' | 'ownerUnit' | 'deadline';

/** One changed field: names and codes as they were, never personal data beyond what the issue holds. */
export interface EditChange {
  field: EditedField;
  from: string | null;
  to: string | null;
}

interface EditedFacts {
  changes: EditChange[];
  /** A later deadline took the issue back to its owner. */
  escalationReset: boolean;
}

interface EscalatedFacts {
  level: number;
  region: string;
}

export const editedBody = (facts: EditedFacts): string => JSON.stringify(facts);
export const escalatedBody = (facts: EscalatedFacts): string => JSON.stringify(facts);

const SEPARATOR: Record<Language, string> = { 'zh-CN': '；', en: '; ' };

function valueText(lang: Language, timeZone: string, field: EditedField, value: string | null): string {
  if (value === null || value === '') return translate(lang, 'fieldIssue.none');
  if (field === 'category') return FIELD_ISSUE_CATEGORY_LABELS[value as FieldIssueCategory]?.[lang] ?? value;
  if (field === 'deadline') {
    const local = localDateTime(timeZone, new Date(value));
    return `${local.date} ${local.time}`;
  }
  return value;
}

function parse<T>(body: string): T | null {
  try {
    return JSON.parse(body) as T;
  } catch {
    return null;
  }
}

/** The body of a timeline entry as the reader sees it. Comments and status notes are people's own words. */
export function eventText(lang: Language, timeZone: string, kind: FieldIssueEventKind, body: string | null): string | null {
  if (body === null) return null;
  if (kind === 'edited') {
    const facts = parse<EditedFacts>(body);
    if (!facts?.changes) return body;
    const parts = facts.changes.map((c) =>
      c.field === 'description'
        ? translate(lang, 'fieldIssue.edited.description')
        : translate(lang, `fieldIssue.edited.${c.field}`, {
            from: valueText(lang, timeZone, c.field, c.from),
            to: valueText(lang, timeZone, c.field, c.to),
          }),
    );
    if (facts.escalationReset) parts.push(translate(lang, 'fieldIssue.edited.escalationReset'));
    return parts.join(SEPARATOR[lang]);
  }
  if (kind === 'escalated') {
    const facts = parse<EscalatedFacts>(body);
    return facts ? translate(lang, 'fieldIssue.escalatedTo', { region: facts.region, level: facts.level }) : body;
  }
  return body;
}
