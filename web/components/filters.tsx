/** The filter row above a server-paged list: its state, and the select controls the lists share. */
import { Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SKILLS, type Skill } from '../../common/enums.ts';
import { SKILL_LABELS } from '../../common/labels.ts';
import { useLanguage } from '../app/useLanguage.ts';
import { useUrlPagedFilter } from './useUrlFilter.ts';

/**
 * A list's filter and its paging: `change(key)(value)` sets one filter and goes back to the first
 * page (and calls `onChange`, e.g. to drop a selection of rows no longer shown).
 */
export function usePagedFilter<F extends object>(onChange?: () => void) {
  // None of its filters in the address: the page keeps them all.
  return useUrlPagedFilter<F>({}, { onChange });
}

type Width = { width: number | string };

/** A clearable select filter; cleared is `null`. */
export function SelectFilter<V extends string | number>({
  label,
  value,
  onChange,
  options,
  style,
  testId,
}: {
  label: string;
  value: V | null | undefined;
  onChange: (value: V | null) => void;
  options: { value: V; label: ReactNode }[];
  style: Width;
  testId: string;
}) {
  return (
    <Select<V>
      allowClear
      placeholder={label}
      aria-label={label}
      value={value ?? undefined}
      onChange={(v) => onChange(v ?? null)}
      options={options}
      style={style}
      data-testid={testId}
    />
  );
}

/** A yes / no / either filter; either is `null`. */
export function YesNoFilter({
  label,
  yes,
  no,
  value,
  onChange,
  style,
  testId,
}: {
  label: string;
  yes: string;
  no: string;
  value: boolean | null | undefined;
  onChange: (value: boolean | null) => void;
  style: Width;
  testId: string;
}) {
  return (
    <SelectFilter<'true' | 'false'>
      label={label}
      value={value === undefined || value === null ? null : value ? 'true' : 'false'}
      onChange={(v) => onChange(v === null ? null : v === 'true')}
      options={[
        { value: 'true', label: yes },
        { value: 'false', label: no },
      ]}
      style={style}
      testId={testId}
    />
  );
}

/** Party members only, or everyone else. */
export function PartyFilter(props: {
  value: boolean | null | undefined;
  onChange: (value: boolean | null) => void;
  style: Width;
  testId: string;
}) {
  const { t } = useTranslation();
  return <YesNoFilter label={t('pledges.filterParty')} yes={t('person.partyMemberTag')} no={t('pledges.nonParty')} {...props} />;
}

/** People with one skill. */
export function SkillFilter(props: {
  value: Skill | null | undefined;
  onChange: (value: Skill | null) => void;
  style: Width;
  testId: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <SelectFilter<Skill>
      label={t('pledges.filterSkill')}
      options={SKILLS.map((s) => ({ value: s, label: SKILL_LABELS[s][language] }))}
      {...props}
    />
  );
}
