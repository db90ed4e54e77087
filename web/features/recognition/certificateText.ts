import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { SERVICE_KINDS, type Language } from '../../../common/enums.ts';
import { SERVICE_KIND_LABELS } from '../../../common/labels.ts';
import type { Certificate } from './recognition.api.ts';

/** `7K3M9Q2XAB4CD8EF` → `7K3M-9Q2X-AB4C-D8EF`: read aloud or typed in groups, as on the paper. */
export function groupCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** What a person may type or scan: dashes, spaces and lower case are the same code. */
export function normaliseCode(text: string): string {
  return text.replace(/[^0-9a-z]/gi, '').toUpperCase();
}

/** Hours to one decimal, as the service record shows them, without a trailing `.0` in running text. */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 10) / 10);
}

/** A date as a certificate writes it (2020年2月7日), from a calendar date or a timestamp's day. */
export function certificateDate(day: string, t: TFunction): string {
  return dayjs(day).format(t('recognition.cert.dateFormat'));
}

/**
 * The certificate's wording from what was frozen at issue: the period, the hours, the kinds of
 * service that happened (none with zero), then the commendations with their reasons.
 */
export function certificateParagraphs(c: Certificate, t: TFunction, language: Language): string[] {
  const content = c.content;
  const counts = SERVICE_KINDS.filter((k) => k !== 'commendation' && content.byKind[k] > 0).map((k) =>
    t('recognition.cert.kindCount', { kind: SERVICE_KIND_LABELS[k][language], count: content.byKind[k] }),
  );
  const params = {
    name: content.name,
    unit: content.unitName ?? '',
    region: content.regionName,
    from: certificateDate(c.periodFrom, t),
    to: certificateDate(c.periodTo, t),
    hours: formatHours(content.hours),
    kinds: counts.length ? t('recognition.cert.kinds', { list: counts.join(t('recognition.cert.listSeparator')) }) : '',
  };
  const paragraphs = [t(content.unitName ? 'recognition.cert.bodyWithUnit' : 'recognition.cert.body', params)];
  if (content.commendations.length) {
    const list = content.commendations
      .map((m) =>
        m.reason
          ? t('recognition.cert.commendationWithReason', { title: m.title, reason: m.reason })
          : t('recognition.cert.commendation', { title: m.title }),
      )
      .join(t('recognition.cert.commendationSeparator'));
    paragraphs.push(t('recognition.cert.commendations', { list }));
  }
  return paragraphs;
}
