import type { EntityManager } from '@mikro-orm/postgresql';
import type { JurisdictionIndex } from '../modules/jurisdiction/jurisdiction.service.js';
import type { PolicyCache } from '../modules/policy/policy-cache.js';

/**
 * Per request: an entity manager forked for this request only (never the global one), created on first
 * use so that answers served from the policy cache (most quotes) cost no fork; and the process-wide cache.
 */
export interface Context {
  readonly em: EntityManager;
  cache: PolicyCache;
  jurisdictions(): Promise<JurisdictionIndex>;
}

export function createContext(root: EntityManager, cache: PolicyCache): Context {
  let em: EntityManager | undefined;
  const ctx: Context = {
    get em() {
      return (em ??= root.fork());
    },
    cache,
    jurisdictions: () => cache.jurisdictions(() => ctx.em),
  };
  return ctx;
}
