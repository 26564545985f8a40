import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlSchema } from '../../api/graphql/schema.js';
import { UserService } from '../../api/modules/user/user.service.js';
import { createApp } from '../../api/server.js';
import { settleReviewItems, startTestApi, type GraphQLResponse, type TestApi } from '../helpers/api.js';

/**
 * OWASP GraphQL Cheat Sheet, "authorization on every resolver": every Query and Mutation field of the
 * built schema and every HTTP route is listed below with its decision. Public ones say why (the rules,
 * quotes and the schema are public: introspection is on). Every other one is called, with the arguments
 * that work for its rightful caller (a 石狮市 drafter or approver, or the admin), by three outsiders: an
 * anonymous caller, an integrator's API key and a drafter of another jurisdiction (眉山市). Each outsider
 * must be refused (UNAUTHENTICATED, FORBIDDEN, or "does not exist") and must not see what the field
 * would reveal (a marker planted in the data); the rightful caller then gets an answer with the marker,
 * so a refusal is never an accident of the arguments. A field or route added without a decision here
 * fails the first test.
 */
let api: TestApi;
const token: Record<string, string | undefined> = { anonymous: undefined };
const ids: Record<string, string> = {};
const marker: Record<string, string> = {};
const PASSWORD = 'authorization-test-1';
const OUTSIDERS = ['anonymous', 'integrator', 'meishan-drafter'] as const;

const gql = (who: string, query: string, variables?: Record<string, unknown>) => api.gql(query, variables, token[who]);
async function ok(who: string, query: string, variables?: Record<string, unknown>) {
  const r = await gql(who, query, variables);
  if (r.errors) throw new Error(`${who}: ${r.errors[0]!.message}`);
  return r.data;
}
const rest = (who: string, path: string, init: RequestInit = {}) =>
  fetch(`${api.base}${path}`, { ...init, headers: { ...(init.headers ?? {}), ...(token[who] ? { authorization: `Bearer ${token[who]}` } : {}) } });

/** A draft of 石狮市, from its 2025 version, for `year`, edited by the 石狮 drafter (fee 432.19) and in the given state. */
async function draft(year: number, state: 'draft' | 'review' | 'approved' = 'draft'): Promise<{ id: string; contentHash: string }> {
  const { createDraft } = await ok('shishi-drafter', `mutation($f: ID!, $y: Int!) { createDraft(from: $f, year: $y) { id revision document } }`, { f: ids.shishi2025, y: year });
  const document = { ...createDraft.document, fees: { ...createDraft.document.fees, individual: { ...createDraft.document.fees.individual, amountFen: 43219 } } };
  const { updateDraft } = await ok('shishi-drafter', `mutation($id: ID!, $r: Int!, $d: JSON!) { updateDraft(id: $id, revision: $r, document: $d, comment: "机密备注 AUDIT-MARKER") { id contentHash } }`, {
    id: createDraft.id,
    r: createDraft.revision,
    d: document,
  });
  if (state !== 'draft') {
    await settleReviewItems((q, v) => gql('shishi-drafter', q, v), createDraft.id);
    await ok('shishi-drafter', `mutation($id: ID!) { submitForReview(id: $id) { id } }`, { id: createDraft.id });
  }
  if (state === 'approved') await ok('shishi-approver', `mutation($id: ID!) { approve(id: $id) { id } }`, { id: createDraft.id });
  return updateDraft;
}

beforeAll(async () => {
  api = await startTestApi();
  await new UserService(api.orm.em.fork()).ensureAdmin('admin-password-1');
  token.admin = (await ok('anonymous', `mutation { login(username: "admin", password: "admin-password-1") { token } }`)).login.token;
  const people: [string, string[], string[]][] = [
    ['shishi-drafter', ['drafter'], ['石狮市']],
    ['shishi-approver', ['approver'], ['石狮市']],
    ['meishan-drafter', ['drafter', 'approver'], ['眉山市']],
    ['tax-system', ['integrator'], []],
    ['secret-user-marker', ['auditor'], []],
  ];
  for (const [username, roles, jurisdictions] of people) {
    const { createUser } = await ok('admin', `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { username, password: PASSWORD, roles, jurisdictions } });
    ids[username] = createUser.id;
    if (username !== 'tax-system') token[username] = (await ok('anonymous', `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: PASSWORD })).login.token;
  }
  const key = await ok('admin', `mutation($u: ID!) { createApiKey(name: "secret-key-marker", userId: $u) { key apiKey { id } } }`, { u: ids['tax-system'] });
  token.integrator = key.createApiKey.key;
  ids.apiKey = (await ok('admin', `mutation($u: ID!) { createApiKey(name: "to revoke", userId: $u) { apiKey { id } } }`, { u: ids['tax-system'] })).createApiKey.apiKey.id;
  marker.user = 'secret-user-marker';
  marker.apiKey = 'secret-key-marker';

  ids.shishi2025 = (await ok('anonymous', `{ policy(jurisdiction: "石狮市", year: 2025) { id } }`)).policy.id;
  const d = await draft(2026);
  ids.draft = d.id;
  marker.draft = d.contentHash;

  // a cohort of 石狮市 whose person ids and name are markers, and its import job
  const csv = ['person_id,unit,birth_date,categories,groups,payment_date', ...Array.from({ length: 20 }, (_, i) => `PIDMARKER${String(i).padStart(4, '0')},石狮市,1980-01-0${(i % 9) + 1},${i % 2 ? 'di-bao' : ''},,`)].join('\n');
  const upload = await rest('shishi-drafter', `/cohorts?jurisdiction=${encodeURIComponent('石狮市')}&name=COHORTMARKER`, { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } });
  const imported = (await upload.json()) as { id: string; job: string };
  if (upload.status !== 201) throw new Error(`upload: ${JSON.stringify(imported)}`);
  ids.cohort = imported.id;
  ids.importJob = imported.job;
  marker.cohort = 'COHORTMARKER';
  marker.person = 'PIDMARKER';
  marker.cohortId = imported.id;

  const { startPreview } = await ok('shishi-drafter', `mutation($d: ID!, $c: ID!) { startPreview(draft: $d, cohort: $c) { id } }`, { d: ids.draft, c: ids.cohort });
  ids.previewJob = startPreview.id;
  for (let i = 0; i < 200; i++) {
    const { previewJob } = await ok('shishi-drafter', `query($id: ID!) { previewJob(id: $id) { status } }`, { id: ids.previewJob });
    if (previewJob.status !== 'running' && previewJob.status !== 'queued') break;
    await new Promise((r) => setTimeout(r, 100));
  }
}, 120_000);
afterAll(async () => api?.close());

/** How a field is decided. */
type Decision =
  | { public: string }
  | {
      /** Who may: the rightful caller used for the positive check. */
      as: string;
      /** The operation and its variables, made when the test runs (after the set-up). */
      call: () => Promise<[string, Record<string, unknown>?]> | [string, Record<string, unknown>?];
      /** What an outsider must not see in the answer (the rightful caller's answer contains it). */
      reveals?: () => string;
    };

const PERSON_FIELDS = `result { largestChanges { personId } examples { personId } }`;
const FIELDS: Record<'Query' | 'Mutation', Record<string, Decision>> = {
  Query: {
    jurisdictions: { public: 'the hierarchy of jurisdictions is public' },
    jurisdiction: { public: 'the hierarchy of jurisdictions is public' },
    jurisdictionChildren: { public: 'the hierarchy of jurisdictions is public' },
    searchJurisdictions: { public: 'the hierarchy of jurisdictions is public' },
    policy: { public: 'published rules are public; it never answers a draft' },
    policyVersions: {
      as: 'shishi-drafter',
      call: () => [`{ policyVersions(jurisdiction: "石狮市", status: DRAFT) { id contentHash } }`],
      reveals: () => marker.draft!,
    },
    policyVersion: { as: 'shishi-drafter', call: () => [`query($id: ID!) { policyVersion(id: $id) { id contentHash } }`, { id: ids.draft }], reveals: () => marker.draft! },
    validatePolicyDocument: { public: 'checks a document it is given, stores nothing, reads nothing' },
    quote: {
      as: 'shishi-drafter',
      call: () => [`query($v: ID!) { quote(input: { jurisdiction: "石狮市", year: 2026, paymentDate: "2025-11-15", policyVersionId: $v }) { amountDue contentHash } }`, { v: ids.draft }],
      reveals: () => '432.19',
    },
    quotes: {
      as: 'shishi-drafter',
      call: () => [`query($v: ID!) { quotes(inputs: [{ jurisdiction: "石狮市", year: 2026, paymentDate: "2025-11-15", policyVersionId: $v }]) { amountDue } }`, { v: ids.draft }],
      reveals: () => '432.19',
    },
    quoteBatch: {
      as: 'shishi-drafter',
      call: () => [
        `query($v: ID!) { quoteBatch(inputs: [{ jurisdiction: "石狮市", year: 2026, paymentDate: "2025-11-15", policyVersionId: $v }]) { quote { amountDue } error { code } } }`,
        { v: ids.draft },
      ],
      reveals: () => '432.19',
    },
    refund: {
      as: 'shishi-drafter',
      call: () => [
        `query($v: ID!) { refund(input: { jurisdiction: "石狮市", year: 2026, paymentDate: "2025-11-15", eventDate: "2026-03-01", reason: DEATH, policyVersionId: $v }) { contentHash } }`,
        { v: ids.draft },
      ],
      reveals: () => marker.draft!,
    },
    exportPolicyVersion: { as: 'shishi-drafter', call: () => [`query($id: ID!) { exportPolicyVersion(id: $id) }`, { id: ids.draft }], reveals: () => marker.draft! },
    compareVersions: { as: 'shishi-drafter', call: () => [`query($a: ID!, $b: ID!) { compareVersions(a: $a, b: $b) { summary } }`, { a: ids.shishi2025, b: ids.draft }], reveals: () => '432.19' },
    auditLog: { as: 'shishi-drafter', call: () => [`query($v: ID!) { auditLog(policyVersionId: $v) { comment } }`, { v: ids.draft }], reveals: () => 'AUDIT-MARKER' },
    me: { public: 'who the caller is: null for an anonymous caller' },
    users: { as: 'admin', call: () => [`{ users { username } }`], reveals: () => marker.user! },
    apiKeys: { as: 'admin', call: () => [`{ apiKeys { name } }`], reveals: () => marker.apiKey! },
    cohorts: { as: 'shishi-drafter', call: () => [`{ cohorts(jurisdiction: "石狮市") { name } }`], reveals: () => marker.cohort! },
    cohort: { as: 'shishi-drafter', call: () => [`query($id: ID!) { cohort(id: $id) { name } }`, { id: ids.cohort }], reveals: () => marker.cohort! },
    cohortImport: { as: 'shishi-drafter', call: () => [`query($j: ID!) { cohortImport(job: $j) { cohortId } }`, { j: ids.importJob }], reveals: () => marker.cohortId! },
    previewImpact: {
      as: 'shishi-drafter',
      call: () => [`query($d: ID!, $c: ID!) { previewImpact(draft: $d, cohort: $c) { largestChanges { personId } } }`, { d: ids.draft, c: ids.cohort }],
      reveals: () => marker.person!,
    },
    previewJob: { as: 'shishi-drafter', call: () => [`query($id: ID!) { previewJob(id: $id) { ${PERSON_FIELDS} } }`, { id: ids.previewJob }], reveals: () => marker.person! },
  },
  Mutation: {
    createDraft: { as: 'shishi-drafter', call: () => [`mutation($f: ID!) { createDraft(from: $f, year: 2031) { id } }`, { f: ids.shishi2025 }] },
    updateDraft: {
      as: 'shishi-drafter',
      call: async () => {
        const { policyVersion } = await ok('shishi-drafter', `query($id: ID!) { policyVersion(id: $id) { revision document } }`, { id: ids.draft });
        return [`mutation($id: ID!, $r: Int!, $d: JSON!) { updateDraft(id: $id, revision: $r, document: $d) { id } }`, { id: ids.draft, r: policyVersion.revision, d: policyVersion.document }];
      },
    },
    submitForReview: {
      as: 'shishi-drafter',
      call: async () => {
        if (!ids.toSubmit) {
          ids.toSubmit = (await draft(2027)).id;
          await settleReviewItems((q, v) => gql('shishi-drafter', q, v), ids.toSubmit);
        }
        return [`mutation($id: ID!) { submitForReview(id: $id) { id } }`, { id: ids.toSubmit }];
      },
    },
    acknowledgeReviewItems: {
      as: 'shishi-drafter',
      call: async () => {
        const id = (ids.toAcknowledge ??= (await draft(2032)).id);
        const { policyVersion } = await ok('shishi-drafter', `query($id: ID!) { policyVersion(id: $id) { reviewItems { key acknowledgeable settled } } }`, { id });
        const keys = policyVersion.reviewItems.filter((i: { acknowledgeable: boolean; settled: boolean }) => i.acknowledgeable && !i.settled).map((i: { key: string }) => i.key);
        return [`mutation($id: ID!, $k: [String!]!) { acknowledgeReviewItems(id: $id, keys: $k) { id } }`, { id, k: keys }];
      },
    },
    approve: { as: 'shishi-approver', call: async () => [`mutation($id: ID!) { approve(id: $id) { id } }`, { id: (ids.toApprove ??= (await draft(2028, 'review')).id) }] },
    reject: { as: 'shishi-approver', call: async () => [`mutation($id: ID!) { reject(id: $id, comment: "no") { id } }`, { id: (ids.toReject ??= (await draft(2029, 'review')).id) }] },
    publish: { as: 'shishi-approver', call: async () => [`mutation($id: ID!) { publish(id: $id) { id } }`, { id: (ids.toPublish ??= (await draft(2030, 'approved')).id) }] },
    importPolicyVersion: {
      as: 'shishi-drafter',
      call: async () => [`mutation($f: JSON!) { importPolicyVersion(file: $f) { id } }`, { f: (await ok('anonymous', `query($id: ID!) { exportPolicyVersion(id: $id) }`, { id: ids.shishi2025 })).exportPolicyVersion }],
    },
    login: { public: 'how a user gets a session (throttled: see login.spec.ts)' },
    changePassword: { public: "a user's own password, the current one checked and throttled like login" },
    logout: { public: "ends the caller's own session; nothing for an anonymous caller" },
    createUser: {
      as: 'admin',
      call: () => [`mutation { createUser(input: { username: "made-by-outsider", password: "${PASSWORD}", roles: ["admin"], jurisdictions: [] }) { id } }`],
    },
    updateUser: { as: 'admin', call: () => [`mutation($id: ID!) { updateUser(id: $id, input: { roles: ["admin"] }) { id } }`, { id: ids['secret-user-marker'] }] },
    createApiKey: { as: 'admin', call: () => [`mutation($u: ID!) { createApiKey(name: "outsider", userId: $u) { key } }`, { u: ids['tax-system'] }] },
    revokeApiKey: { as: 'admin', call: () => [`mutation($id: Int!) { revokeApiKey(id: $id) { id } }`, { id: Number(ids.apiKey) }] },
    createCohortImportJob: { as: 'shishi-drafter', call: () => [`mutation { createCohortImportJob(jurisdiction: "石狮市") { id } }`] },
    createCorrection: {
      as: 'shishi-drafter',
      call: () => [`mutation($of: ID!) { createCorrection(of: $of, kind: ERRATA, documentNumber: "狮政办规〔2025〕99号") { id } }`, { of: ids.shishi2025 }],
    },
    startPreview: { as: 'shishi-drafter', call: () => [`mutation($d: ID!, $c: ID!) { startPreview(draft: $d, cohort: $c) { id } }`, { d: ids.draft, c: ids.cohort }] },
    cancelPreview: { as: 'shishi-drafter', call: () => [`mutation($id: ID!) { cancelPreview(id: $id) { id ${PERSON_FIELDS} } }`, { id: ids.previewJob }], reveals: () => marker.person! },
  },
};

/** Every HTTP route: public, or refused for the outsiders and answered for its rightful caller. */
type RouteDecision =
  | { public: string }
  | { as: string; call: (who: string) => Promise<Response>; ok: number; reveals?: () => string };
const ROUTES: Record<string, RouteDecision> = {
  'GET /health': { public: 'says only whether the API is up' },
  'POST /cohorts': {
    as: 'shishi-drafter',
    call: (who) =>
      rest(who, `/cohorts?jurisdiction=${encodeURIComponent('石狮市')}&name=${who}-upload`, {
        method: 'POST',
        body: 'person_id,unit,birth_date,categories,groups,payment_date\nP1,石狮市,1980-01-01,,,\n',
        headers: { 'content-type': 'text/csv' },
      }),
    ok: 201,
  },
  'GET /cohorts/imports/:job': { as: 'shishi-drafter', call: (who) => rest(who, `/cohorts/imports/${ids.importJob}`), ok: 200, reveals: () => marker.cohortId! },
  'GET /policy-versions/:id/notice.pdf': { as: 'shishi-drafter', call: (who) => rest(who, `/policy-versions/${ids.draft}/notice.pdf`), ok: 200 },
  'GET /policy-versions/:id/notice.docx': { as: 'shishi-drafter', call: (who) => rest(who, `/policy-versions/${ids.draft}/notice.docx`), ok: 200 },
};

const REFUSED = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT']);
/** Refused, or answered as if the thing did not exist (null, an empty list). */
function refused(r: GraphQLResponse, field: string): boolean {
  if (r.errors?.length) return r.errors.every((e) => REFUSED.has(e.extensions?.code));
  const value = r.data?.[field];
  if (value === null || (Array.isArray(value) && value.length === 0)) return true;
  // quoteBatch refuses input by input: every outcome refused, none answered
  return field === 'quoteBatch' && Array.isArray(value) && value.every((o) => o.quote === null && REFUSED.has(o.error?.code));
}

describe('every resolver and route has a decision', () => {
  it('lists every Query and Mutation field of the built schema, and no other', async () => {
    const schema = await graphqlSchema();
    expect(Object.keys(FIELDS.Query).sort()).toEqual(Object.keys(schema.getQueryType()!.getFields()).sort());
    expect(Object.keys(FIELDS.Mutation).sort()).toEqual(Object.keys(schema.getMutationType()!.getFields()).sort());
    expect(schema.getSubscriptionType()).toBeUndefined();
  });

  it('lists every HTTP route of the app, and no other (/graphql decides per field, above; the console is static)', async () => {
    const { app, close } = await createApp(api.orm);
    const stack = (app as unknown as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router.stack;
    const routes = stack.flatMap((l) => (l.route ? Object.keys(l.route.methods).map((m) => `${m.toUpperCase()} ${l.route!.path}`) : []));
    await close();
    expect(routes.sort()).toEqual(Object.keys(ROUTES).sort());
  });
});

describe.each(['Query', 'Mutation'] as const)('%s fields', (type) => {
  const entries = Object.entries(FIELDS[type]).filter((e): e is [string, Exclude<Decision, { public: string }>] => !('public' in e[1]));
  it.each(entries)('%s: refused for anonymous, an integrator key and another jurisdiction’s drafter; answered for its rightful caller', async (field, d) => {
    for (const who of OUTSIDERS) {
      const [query, variables] = await d.call();
      const r = await gql(who, query, variables);
      expect(refused(r, field), `${field} for ${who}: ${JSON.stringify(r).slice(0, 300)}`).toBe(true);
      if (d.reveals) expect(JSON.stringify(r), `${field} for ${who}`).not.toContain(d.reveals());
    }
    const [query, variables] = await d.call();
    const r = await gql(d.as, query, variables);
    expect(r.errors, `${field} for ${d.as}`).toBeUndefined();
    if (d.reveals) expect(JSON.stringify(r)).toContain(d.reveals());
  });
});

describe('routes', () => {
  const guarded = Object.entries(ROUTES).filter((e): e is [string, Exclude<RouteDecision, { public: string }>] => !('public' in e[1]));
  it.each(guarded)('%s: refused for the outsiders, answered for its rightful caller', async (_route, d) => {
    for (const who of OUTSIDERS) {
      const res = await d.call(who);
      const text = await res.text();
      expect([401, 403, 404], `${who}: ${res.status} ${text.slice(0, 200)}`).toContain(res.status);
      if (d.reveals) expect(text).not.toContain(d.reveals());
    }
    const res = await d.call(d.as);
    const text = await res.text();
    expect(res.status, text.slice(0, 200)).toBe(d.ok);
    if (d.reveals) expect(text).toContain(d.reveals());
  });
});
