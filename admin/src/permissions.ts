import { usePermissions } from 'react-admin';
import { useEffect, useState } from 'react';
import type { CurrentUser } from './api';
import { loadJurisdictions, within, type JurisdictionNode } from './jurisdictions';

export type Role = 'drafter' | 'approver' | 'auditor' | 'integrator' | 'admin';

/**
 * What the signed-in user may do, mirroring the API's rules (api/modules/auth/actor.ts): drafters and
 * approvers act within their jurisdictions and everything below them. The API decides; the console
 * only hides the buttons that would be refused.
 */
export interface Abilities {
  user: CurrentUser | null;
  has(role: Role): boolean;
  /** May act as `role` on this jurisdiction (by id). */
  can(role: Role, jurisdictionId: string | undefined): boolean;
}

export function abilitiesOf(user: CurrentUser | null, all: JurisdictionNode[]): Abilities {
  const has = (role: Role) => !!user?.roles.includes(role);
  return {
    user,
    has,
    can: (role, jurisdictionId) =>
      !!user && has(role) && !!jurisdictionId && within(all, jurisdictionId, user.jurisdictions.map((j) => j.id)),
  };
}

export function useAbilities(): Abilities {
  const { permissions } = usePermissions<CurrentUser | null>();
  const [all, setAll] = useState<JurisdictionNode[]>([]);
  useEffect(() => {
    loadJurisdictions().then(setAll, () => setAll([]));
  }, []);
  return abilitiesOf(permissions ?? null, all);
}
