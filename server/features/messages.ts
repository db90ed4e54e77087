/** Every feature's message catalog; the platform's own messages live in platform/i18n.ts. */
import type { FeatureMessages } from '../platform/i18n.ts';
import { pledgesMessages } from './volunteers/pledges.messages.ts';
import { teamsMessages } from './teams/teams.messages.ts';
import { volunteersMessages } from './volunteers/volunteers.messages.ts';

export const FEATURE_MESSAGES: readonly FeatureMessages[] = [pledgesMessages, volunteersMessages, teamsMessages];
