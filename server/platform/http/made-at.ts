/**
 * The time an entry was made on the phone (issue 11). The field app keeps entries made without
 * network and sends them later, each stamped with the phone's clock when it was made; the server
 * records that time as the entry's own and the time it arrived beside it. One rule for how far
 * that time may stray, so every write accepts the same phones.
 */
import { invalidField } from '../errors.ts';

const MINUTE = 60_000;

/** A phone's clock may run a little ahead of the server's. */
export const MADE_AT_SKEW_MS = 2 * MINUTE;

/**
 * An entry may wait on the phone through a day without network at the post and the night after;
 * older than this it is a phone with a wrong clock, or an entry nobody should act on any more.
 */
export const MADE_AT_MAX_AGE_HOURS = 48;

export interface MadeAtRule {
  /** Oldest accepted, in hours (default 48). Features with an older, stricter limit keep theirs. */
  maxAgeHours?: number;
  /** Message keys for a feature that words these problems its own way. */
  futureReason?: string;
  oldReason?: string;
}

/** A made time, and the moment the server received it. */
export interface MadeAt {
  /** When the entry was made: the phone's time, or now when none was sent; never ahead of `received`. */
  made: Date;
  received: Date;
}

/**
 * Reads the optional made time of an entry named `field` in the body: absent means now. More
 * than two minutes ahead of the server's clock or older than the limit: 422 on `field`. A time a
 * little ahead (within the skew) counts as now, so nothing is recorded as having happened later.
 */
export function madeAt(raw: string | undefined | null, field: string, rule: MadeAtRule = {}, now: Date = new Date()): MadeAt {
  if (raw === undefined || raw === null) return { made: now, received: now };
  const at = new Date(raw);
  if (Number.isNaN(at.getTime())) throw invalidField(field, 'field.format');
  const hours = rule.maxAgeHours ?? MADE_AT_MAX_AGE_HOURS;
  if (at.getTime() > now.getTime() + MADE_AT_SKEW_MS) throw invalidField(field, rule.futureReason ?? 'field.madeAt.future');
  if (at.getTime() < now.getTime() - hours * 60 * MINUTE) {
    throw invalidField(field, rule.oldReason ?? 'field.madeAt.tooOld', { hours });
  }
  return { made: at > now ? now : at, received: now };
}
