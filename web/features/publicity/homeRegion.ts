import type { Permission } from '../../../common/permissions.ts';
import { ROLE_PERMISSIONS } from '../../../common/permissions.ts';
import type { Me } from '../../app/session.ts';

/** Where the caller works by default: the region of their first grant that holds `permission` (none for platform-wide grants). */
export function homeRegion(me: Me | null | undefined, permission: Permission): string | null {
  return me?.grants.find((g) => g.regionId && ROLE_PERMISSIONS[g.role].includes(permission))?.regionId ?? null;
}
