import type { EntityManager } from '@mikro-orm/postgresql';
import { ANONYMOUS, type Actor } from '../modules/auth/actor.js';
import type { JurisdictionIndex } from '../modules/jurisdiction/jurisdiction.service.js';
import type { PolicyCache } from '../modules/policy/policy-cache.js';
import type { PreviewService } from '../modules/cohort/preview.service.js';
import type { ImportJobs } from '../modules/cohort/import-jobs.js';
import type { JobStore } from '../modules/jobs/job-store.js';
import type { LoginThrottle } from '../modules/auth/login-throttle.js';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language.js';

/** Services that live as long as the app. */
export interface AppServices {
  cache: PolicyCache;
  previews: PreviewService;
  imports: ImportJobs;
  jobs: JobStore;
  loginThrottle: LoginThrottle;
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
  jobs: JobStore;
  loginThrottle: LoginThrottle;
  /** The client's address (the TCP peer, or the client a trusted proxy names), for limits on failed logins and on quotes. */
  clientAddress: string | null;
  /** `performance.now()` past which the request is over its time limit (`timeoutMs`); long loops stop there. */
  readonly deadline: number;
  readonly timeoutMs: number;
  /** The language of the answer's words (messages, reasons, traces): zh-CN unless `Accept-Language` prefers English. */
  readonly lang: Language;
  jurisdictions(): Promise<JurisdictionIndex>;
  usernames(): Promise<Map<number, string>>;
}

/**
 * The lazy parts live on the prototype (`em`, `jurisdictions`, `usernames`) and their state in one object
 * shared by reference: Apollo Server copies the context's own properties for every operation
 * (`Object.assign` onto the same prototype), which would otherwise call a getter and fork an entity
 * manager for every request, including the quotes the cache answers.
 */
class RequestContext implements Context {
  constructor(
    private readonly lazy: { root: EntityManager; em?: EntityManager; names?: Promise<Map<number, string>> },
    public actor: Actor,
    public token: string | null,
    public clientAddress: string | null,
    private readonly services: AppServices,
    readonly deadline: number,
    readonly timeoutMs: number,
    readonly lang: Language,
  ) {}

  get cache(): PolicyCache {
    return this.services.cache;
  }
  get previews(): PreviewService {
    return this.services.previews;
  }
  get imports(): ImportJobs {
    return this.services.imports;
  }
  get jobs(): JobStore {
    return this.services.jobs;
  }
  get loginThrottle(): LoginThrottle {
    return this.services.loginThrottle;
  }

  get em(): EntityManager {
    return (this.lazy.em ??= this.lazy.root.fork());
  }

  jurisdictions(): Promise<JurisdictionIndex> {
    return this.cache.jurisdictions(() => this.em);
  }

  usernames(): Promise<Map<number, string>> {
    return (this.lazy.names ??= this.em
      .execute('select id, username from app_user')
      .then((rows) => new Map(rows.map((r: any) => [r.id as number, r.username as string]))));
  }
}

/** What the HTTP layer knows of a request: who sent it (address) and until when it may run. */
export interface RequestInfo {
  clientAddress: string | null;
  deadline: number;
  timeoutMs: number;
}

const NO_REQUEST: RequestInfo = { clientAddress: null, deadline: Infinity, timeoutMs: Infinity };

export function createContext(
  root: EntityManager,
  services: AppServices,
  actor: Actor = ANONYMOUS,
  token: string | null = null,
  request: RequestInfo = NO_REQUEST,
  lang: Language = DEFAULT_LANGUAGE,
): Context {
  return new RequestContext({ root }, actor, token, request.clientAddress, services, request.deadline, request.timeoutMs, lang);
}
