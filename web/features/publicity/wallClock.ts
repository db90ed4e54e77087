import dayjs, { type Dayjs } from 'dayjs';
import { platformTimeZone } from '../../app/dates.ts';

const WALL = 'YYYY-MM-DD HH:mm';

/**
 * antd's pickers show the browser's clock; times here are the platform zone's wall clock (where
 * the residents are). A picked value is a browser-local dayjs showing that wall clock.
 */
export const toWall = (iso: string): Dayjs => dayjs(dayjs(iso).tz(platformTimeZone()).format(WALL));
export const fromWall = (wall: Dayjs): string => dayjs.tz(wall.format(WALL), platformTimeZone()).toISOString();
