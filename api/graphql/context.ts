import type { EntityManager } from '@mikro-orm/postgresql';
import { JurisdictionIndex } from '../modules/jurisdiction/jurisdiction.service.js';

/** Per request: a forked entity manager (never the global one) and request-scoped caches. */
export interface Context {
  em: EntityManager;
  jurisdictions(): Promise<JurisdictionIndex>;
}

export function createContext(em: EntityManager): Context {
  let index: Promise<JurisdictionIndex> | undefined;
  return {
    em,
    jurisdictions: () => (index ??= JurisdictionIndex.load(em)),
  };
}
