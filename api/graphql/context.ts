import type { EntityManager } from '@mikro-orm/postgresql';
import { ANONYMOUS, type Actor } from '../modules/auth/actor.js';
import type { JurisdictionIndex } from '../modules/jurisdiction/jurisdiction.service.js';
import type { PolicyCache } from '../modules/policy/policy-cache.js';
import type { PreviewService } from '../modules/cohort/preview.service.js';
import type { ImportJobs } from '../modules/cohort/import-jobs.js';

/** Services that live as long as the app. */
export interface AppServices {
  cache: PolicyCache;
  previews: PreviewService;
  imports: ImportJobs;
}

/**
 * Per request: who is calling, an entity manager forked for this request only (never the global one),
 * created on first use so that answers served from the policy cache (most quotes) cost no fork; and
 * the process-wide cache.
 */
export interface Context {
  readonly em: EntityManager;
  actor: Actor;
  /** The raw bearer token of the request, for logout. */
  token: string | null;
  cache: PolicyCache;
  previews: PreviewService;
  imports: ImportJobs;
  jurisdictions(): Promise<JurisdictionIndex>;
  usernames(): Promise<Map<number, string>>;
}

export function createContext(root: EntityManager, services: AppServices, actor: Actor = ANONYMOUS, token: string | null = null): Context {
  const { cache } = services;
  let em: EntityManager | undefined;
  let names: Promise<Map<number, string>> | undefined;
  const ctx: Context = {
    get em() {
      return (em ??= root.fork());
    },
    actor,
    token,
    cache,
    previews: services.previews,
    imports: services.imports,
    jurisdictions: () => cache.jurisdictions(() => ctx.em),
    usernames: () =>
      (names ??= ctx.em
        .execute('select id, username from app_user')
        .then((rows) => new Map(rows.map((r: any) => [r.id as number, r.username as string])))),
  };
  return ctx;
}
