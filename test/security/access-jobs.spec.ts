import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCohort } from '../../api/modules/cohort/generate.js';
import { UserService } from '../../api/modules/user/user.service.js';
import { validatePolicyDocument } from '../../policy-schemas/index.js';
import { readSeed } from '../../seeds/index.js';
import { request, startTestApi, type TestApi } from '../helpers/api.js';

/*
 * Jobs belong to someone (issue 11, item 1), over HTTP against PostgreSQL. A preview job and an import
 * job of 五河县 answer its drafters and approvers (also those of 蚌埠市 above it), auditors and admins;
 * cancelling, only those who may start one. For an integrator's API key, another county's drafter,
 * an anonymous caller or a guessed id, the job does not exist: the same answer as for an unknown id.
 * Job ids are made by the server: an upload may name only its caller's own pending import job.
 */
let api: TestApi;
const PASSWORD = 'correct horse battery';
/** Bearer tokens by caller; `anonymous` sends none. */
const as: Record<string, string | undefined> = { anonymous: undefined };
let cohort: string;
let draft: string;
let previewId: string;

async function login(username: string, password = PASSWORD): Promise<string> {
  const r = await api.gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: password });
  if (r.errors) throw new Error(r.errors[0]!.message);
  return r.data.login.token;
}
async function ok(who: string, query: string, variables?: Record<string, unknown>) {
  const r = await api.gql(query, variables, as[who]);
  if (r.errors) throw new Error(`${who}: ${r.errors[0]!.message}`);
  return r.data;
}
async function upload(who: string, csv: string, job?: string, jurisdiction = '五河县', name = `c-${randomUUID().slice(0, 8)}`) {
  const url = `${api.base}/cohorts?jurisdiction=${encodeURIComponent(jurisdiction)}&name=${encodeURIComponent(name)}${job !== undefined ? `&job=${encodeURIComponent(job)}` : ''}`;
  const res = await request(url, { method: 'POST', headers: { 'content-type': 'text/csv', ...(as[who] ? { authorization: `Bearer ${as[who]}` } : {}) }, body: csv });
  return { status: res.status, body: (await res.json()) as any };
}
async function importJob(who: string, id: string) {
  const res = await request(`${api.base}/cohorts/imports/${encodeURIComponent(id)}`, { headers: as[who] ? { authorization: `Bearer ${as[who]}` } : {} });
  return { status: res.status, body: (await res.json()) as any };
}
const CSV = 'person_id,unit,birth_date,categories,groups,payment_date\nA1,城关镇,1980-05-01,di-bao,,\nA2,城关镇,1990-01-01,,,2023-10-01\n';
const JOB = `query($id: ID!) { previewJob(id: $id) { id status result { persons largestChanges { personId } examples { personId } } } }`;
const CANCEL = `mutation($id: ID!) { cancelPreview(id: $id) { id status } }`;

beforeAll(async () => {
  api = await startTestApi();
  const users = new UserService(api.orm.em.fork());
  const rows = (await api.orm.em.fork().execute(`select id, name from jurisdiction`)) as { id: number; name: string }[];
  const id = (n: string) => rows.find((j) => j.name === n)!.id;
  await users.ensureAdmin('admin-password-1');
  await users.create({ username: 'wuhe-drafter', password: PASSWORD, roles: ['drafter'], jurisdictionIds: [id('五河县')] });
  await users.create({ username: 'wuhe-approver', password: PASSWORD, roles: ['approver'], jurisdictionIds: [id('五河县')] });
  await users.create({ username: 'bengbu-drafter', password: PASSWORD, roles: ['drafter'], jurisdictionIds: [id('蚌埠市')] });
  await users.create({ username: 'shishi-drafter', password: PASSWORD, roles: ['drafter'], jurisdictionIds: [id('石狮市')] });
  await users.create({ username: 'auditor', password: PASSWORD, roles: ['auditor'], jurisdictionIds: [] });
  const tax = await users.create({ username: 'tax-bureau', password: PASSWORD, roles: ['integrator'], jurisdictionIds: [] });
  for (const u of ['wuhe-drafter', 'wuhe-approver', 'bengbu-drafter', 'shishi-drafter', 'auditor']) as[u] = await login(u);
  as.admin = await login('admin', 'admin-password-1');
  as.integrator = (await ok('admin', `mutation($u: ID!) { createApiKey(name: "税务系统", userId: $u) { key } }`, { u: String(tax.id) })).createApiKey.key;

  const doc = validatePolicyDocument(readSeed('wuhe-2024.json'));
  if (!doc.ok) throw new Error('seed');
  const up = await upload('wuhe-drafter', [...generateCohort(doc.document, { size: 300, seed: 2 })].join(''), undefined, '五河县', '任务归属');
  expect(up.status).toBe(201);
  cohort = up.body.id;
  const base = (await api.gql(`{ policy(jurisdiction: "五河县", year: 2024) { id } }`)).data.policy.id;
  const { createDraft } = await ok('wuhe-drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2024) { id document } }`, { f: base });
  const d = createDraft.document;
  // the fee 380 → 400, and what the notice prints beside each benefit with it
  const fee = 40000;
  d.fees.individual.amountFen = fee;
  d.fees.specialCases = d.fees.specialCases.map((s: any) => ({ ...s, charges: s.charges.map((c: any) => (c.coverageYear === 2024 ? { ...c, amountFen: fee } : c)) }));
  d.fees.totalFinancing.amountFen = fee + d.fees.government.amountFen;
  for (const c of d.categories) if (c.printed?.paymentFen !== undefined) c.printed.paymentFen = fee - (c.benefit.kind === 'fixed-subsidy' ? c.benefit.amountFen : 0);
  await ok('wuhe-drafter', `mutation($id: ID!, $d: JSON!) { updateDraft(id: $id, revision: 1, document: $d) { id } }`, { id: createDraft.id, d });
  draft = createDraft.id;
  previewId = (await ok('wuhe-drafter', `mutation($d: ID!, $c: ID!) { startPreview(draft: $d, cohort: $c) { id } }`, { d: draft, c: cohort })).startPreview.id;
  for (let i = 0; i < 200; i++) {
    const j = (await ok('wuhe-drafter', JOB, { id: previewId })).previewJob;
    if (j.status !== 'running') break;
    await new Promise((r) => setTimeout(r, 50));
  }
});
afterAll(async () => api?.close());

describe('a preview job', () => {
  it.each(['wuhe-drafter', 'wuhe-approver', 'bengbu-drafter', 'auditor', 'admin'])('answers %s, person ids included', async (who) => {
    const { previewJob } = await ok(who, JOB, { id: previewId });
    expect(previewJob).toMatchObject({ id: previewId, status: 'done', result: { persons: 300 } });
    expect(previewJob.result.largestChanges.length).toBeGreaterThan(0);
    expect(previewJob.result.largestChanges[0].personId).toMatch(/\S/);
  });

  it.each(['integrator', 'shishi-drafter'])('does not exist for %s: the same answer as a guessed id', async (who) => {
    const guessed = randomUUID();
    const known = await api.gql(JOB, { id: previewId }, as[who]);
    const unknown = await api.gql(JOB, { id: guessed }, as[who]);
    expect(known).toEqual({ data: { previewJob: null } });
    expect(unknown).toEqual(known);
    // nor can it be cancelled: the answer is the same nothing
    expect(await api.gql(CANCEL, { id: previewId }, as[who])).toEqual({ data: { cancelPreview: null } });
    expect(await api.gql(CANCEL, { id: guessed }, as[who])).toEqual({ data: { cancelPreview: null } });
  });

  it('asks an anonymous caller to log in, for a real id as for a guessed one', async () => {
    for (const q of [JOB, CANCEL]) {
      const known = await api.gql(q, { id: previewId });
      const unknown = await api.gql(q, { id: randomUUID() });
      expect(known.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      expect(known.data).toEqual(unknown.data);
      expect(known.errors!.map((e) => e.extensions!.code)).toEqual(unknown.errors!.map((e) => e.extensions!.code));
    }
  });

  it('a guessed id exists for nobody, however privileged', async () => {
    for (const who of ['wuhe-drafter', 'admin']) expect(await api.gql(JOB, { id: randomUUID() }, as[who])).toEqual({ data: { previewJob: null } });
  });

  it('may be cancelled by those who may start one; an auditor reads it but may not stop it', async () => {
    const start = async () => (await ok('wuhe-drafter', `mutation($d: ID!, $c: ID!) { startPreview(draft: $d, cohort: $c) { id } }`, { d: draft, c: cohort })).startPreview.id as string;
    const refused = await api.gql(CANCEL, { id: await start() }, as.auditor);
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    for (const who of ['wuhe-approver', 'bengbu-drafter', 'admin']) {
      const { cancelPreview } = await ok(who, CANCEL, { id: await start() });
      expect(['cancelled', 'done']).toContain(cancelPreview.status);
    }
  });

  it('the result with its person ids is given only to those who may read the cohort', async () => {
    for (const who of ['integrator', 'shishi-drafter']) {
      const r = await api.gql(`query($d: ID!, $c: ID!) { previewImpact(draft: $d, cohort: $c) { largestChanges { personId } } }`, { d: draft, c: cohort }, as[who]);
      expect(r.data).toBeNull();
      expect(r.errors![0]!.message).toMatch(/no (cohort|policy version) has the id/);
      const s = await api.gql(`mutation($d: ID!, $c: ID!) { startPreview(draft: $d, cohort: $c) { id } }`, { d: draft, c: cohort }, as[who]);
      expect(s.data).toBeNull();
    }
    // an auditor reads, but does not run previews
    const audit = await api.gql(`mutation($d: ID!, $c: ID!) { startPreview(draft: $d, cohort: $c) { id } }`, { d: draft, c: cohort }, as.auditor);
    expect(audit.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('an import job', () => {
  let done: string;
  beforeAll(async () => {
    const { createCohortImportJob } = await ok('wuhe-drafter', `mutation { createCohortImportJob(jurisdiction: "五河县") { id status } }`);
    expect(createCohortImportJob.status).toBe('pending');
    const up = await upload('wuhe-drafter', CSV, createCohortImportJob.id);
    expect(up.status).toBe(201);
    done = createCohortImportJob.id;
  });

  it.each(['wuhe-drafter', 'wuhe-approver', 'bengbu-drafter', 'auditor', 'admin'])('answers %s over REST and GraphQL', async (who) => {
    expect(await importJob(who, done)).toMatchObject({ status: 200, body: { id: done, status: 'done', rows: 2 } });
    expect((await ok(who, `query($j: ID!) { cohortImport(job: $j) { id status rows } }`, { j: done })).cohortImport).toEqual({ id: done, status: 'done', rows: 2 });
  });

  it.each(['integrator', 'shishi-drafter'])('does not exist for %s: the same answer as a guessed id', async (who) => {
    const guessed = randomUUID();
    expect(await importJob(who, done)).toEqual({ status: 404, body: { error: 'no such import', code: 'NOT_FOUND', reason: 'NO_SUCH_IMPORT' } });
    expect(await importJob(who, guessed)).toEqual(await importJob(who, done));
    const q = `query($j: ID!) { cohortImport(job: $j) { id } }`;
    expect(await api.gql(q, { j: done }, as[who])).toEqual({ data: { cohortImport: null } });
    expect(await api.gql(q, { j: guessed }, as[who])).toEqual({ data: { cohortImport: null } });
  });

  it('asks an anonymous caller to log in, for a real id as for a guessed one', async () => {
    const known = await importJob('anonymous', done);
    expect(known.status).toBe(401);
    expect(await importJob('anonymous', randomUUID())).toEqual(known);
  });

  it('is made by the server: an upload naming an id of its own choosing is refused', async () => {
    for (const chosen of ['job-small-sample', randomUUID(), '../../etc']) {
      const r = await upload('wuhe-drafter', CSV, chosen);
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([{ line: 0, field: 'job', message: expect.stringMatching(/is not a pending import job of yours/), reason: 'JOB_NOT_PENDING' }]);
    }
  });

  it("is named only by its owner, once, for its jurisdiction: someone else's pending job answers as a guessed id", async () => {
    const { createCohortImportJob: pending } = await ok('wuhe-drafter', `mutation { createCohortImportJob(jurisdiction: "五河县") { id } }`);
    const guessed = await upload('wuhe-approver', CSV, randomUUID());
    const other = await upload('wuhe-approver', CSV, pending.id);
    expect(other.status).toBe(400);
    expect(other.body.errors[0].message.replace(pending.id, 'ID')).toBe(guessed.body.errors[0].message.replace(/"[^"]+"/, '"ID"'));
    // the owner naming it for another jurisdiction (one they could not import into anyway)
    expect((await upload('wuhe-drafter', CSV, pending.id, '石狮市')).status).toBe(403);
    // the owner's own, once
    expect((await upload('wuhe-drafter', CSV, pending.id)).status).toBe(201);
    expect((await upload('wuhe-drafter', CSV, pending.id)).body.errors[0].field).toBe('job');
    expect((await upload('wuhe-drafter', CSV, done)).body.errors[0].field).toBe('job');
  });

  it('is made only for those who may import into the jurisdiction', async () => {
    const make = (who: string) => api.gql(`mutation { createCohortImportJob(jurisdiction: "五河县") { id } }`, {}, as[who]);
    for (const who of ['integrator', 'shishi-drafter', 'auditor']) expect((await make(who)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await make('anonymous')).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    for (const who of ['wuhe-approver', 'bengbu-drafter', 'admin']) expect((await make(who)).data.createCohortImportJob.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
