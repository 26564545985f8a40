import type { EntityManager } from '@mikro-orm/postgresql';
import type { JurisdictionIndex } from '../modules/jurisdiction/jurisdiction.service.js';
import type { PolicyCache } from '../modules/policy/policy-cache.js';

/** Per request: a forked entity manager (never the global one) and the process-wide policy cache. */
export interface Context {
  em: EntityManager;
  cache: PolicyCache;
  jurisdictions(): Promise<JurisdictionIndex>;
}

export function createContext(em: EntityManager, cache: PolicyCache): Context {
  return { em, cache, jurisdictions: () => cache.jurisdictions(em) };
}
