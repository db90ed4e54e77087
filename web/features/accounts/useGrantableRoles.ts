import { useMemo } from 'react';
import type { Role } from '../../../common/enums.ts';
import { GRANTABLE_ROLES, ROLE_PERMISSIONS } from '../../../common/permissions.ts';
import { useMe } from '../../app/session.ts';

/** The roles the signed-in account may hand out, by the same table the server enforces. */
export function useGrantableRoles(): Role[] {
  const me = useMe().data;
  return useMemo(() => {
    const roles = new Set<Role>();
    for (const g of me?.grants ?? []) {
      if (ROLE_PERMISSIONS[g.role].includes('accounts.write')) GRANTABLE_ROLES[g.role].forEach((r) => roles.add(r));
    }
    return [...roles];
  }, [me]);
}
