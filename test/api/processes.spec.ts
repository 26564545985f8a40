import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCohort } from '../../api/modules/cohort/generate.js';
import { UserService } from '../../api/modules/user/user.service.js';
import { validatePolicyDocument } from '../../policy-schemas/index.js';
import { readSeed } from '../../seeds/index.js';
import { NOTIFICATIONS_APP_NAME } from '../../api/db/notifications.js';
import { serveApi, settleReviewItems, startTestApi, type TestApi } from '../helpers/api.js';
import { sqlClient } from '../helpers/db.js';

/**
 * `npm start` serves with one process per core over one database. Two API instances over the same
 * PostgreSQL stand for two of those processes here: what one does, the other must see.
 */
let a: TestApi;
let b: TestApi;
const tokens: Record<string, string> = {};
const PASSWORD = 'correct horse battery';

async function ok(api: TestApi, who: string, query: string, variables?: Record<string, unknown>) {
  const r = await api.gql(query, variables, tokens[who]);
  if (r.errors) throw new Error(`${who}: ${r.errors[0]!.message}`);
  return r.data;
}

/** Ask until `done` holds: the other process learns of a change by PostgreSQL's notification, a moment after the commit. */
async function eventually<T>(ask: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  const until = Date.now() + 3_000; // well below the cache's 10 s fallback, so only the notification can pass this
  for (;;) {
    const v = await ask();
    if (done(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  a = await startTestApi();
  b = await serveApi(a.databaseUrl);
  const users = new UserService(a.orm.em.fork());
  const ids = (await a.orm.em.fork().execute(`select id, name from jurisdiction`)) as { id: number; name: string }[];
  const id = (n: string) => ids.find((j) => j.name === n)!.id;
  await users.create({ username: 'drafter', password: PASSWORD, roles: ['drafter'], jurisdictionIds: [id('石狮市'), id('五河县')] });
  await users.create({ username: 'approver', password: PASSWORD, roles: ['approver'], jurisdictionIds: [id('石狮市'), id('五河县')] });
  for (const u of ['drafter', 'approver']) {
    const r = await b.gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u, p: PASSWORD });
    tokens[u] = r.data.login.token;
  }
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

/** Through A: a 2026 version cloned from `from` with the individual fee set, submitted, approved and published (in force from `effectiveFrom`, else its publication day). */
async function publish2026(from: string, feeFen: number, effectiveFrom?: string): Promise<{ id: string }> {
  const { createDraft: d } = await ok(a, 'drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2026) { id document } }`, { f: from });
  d.document.fees.individual.amountFen = feeFen;
  await ok(a, 'drafter', `mutation($id: ID!, $d: JSON!) { updateDraft(id: $id, revision: 1, document: $d) { id } }`, { id: d.id, d: d.document });
  await settleReviewItems((q, v) => a.gql(q, v, tokens.drafter), d.id);
  await ok(a, 'drafter', `mutation($id: ID!) { submitForReview(id: $id) { status } }`, { id: d.id });
  await ok(a, 'approver', `mutation($id: ID!) { approve(id: $id) { status } }`, { id: d.id });
  await ok(a, 'approver', `mutation($id: ID!, $from: Date) { publish(id: $id, effectiveFrom: $from) { status } }`, { id: d.id, from: effectiveFrom ?? null });
  return d;
}

const QUOTE_2026 = `{ quote(input: { jurisdiction: "石狮市", year: 2026, paymentDate: "2025-11-15" }) { individualFee amountDue policyVersionId } }`;

describe('two API processes over one database', () => {
  it('a publication through one process changes the quotes of the other', async () => {
    // B is asked first, so it remembers that 石狮市 has no 2026 policy
    const before = await b.gql(QUOTE_2026);
    expect(before.errors![0]!.message).toMatch(/2026/);

    const from = (await a.gql(`{ policy(jurisdiction: "石狮市", year: 2025) { id } }`)).data.policy.id;
    const d = await publish2026(from, 42000);

    const after = await eventually(() => b.gql(QUOTE_2026), (r) => !r.errors);
    expect(after.errors).toBeUndefined();
    expect(after.data.quote).toEqual({ individualFee: '420.00', amountDue: '420.00', policyVersionId: d.id });
  });

  it('a process whose notification connection drops connects again and still learns of publications', async () => {
    const sql = await sqlClient(a.databaseUrl);
    try {
      const listeners = async () =>
        Number((await sql.query(`select count(*) from pg_stat_activity where application_name = $1 and datname = current_database()`, [NOTIFICATIONS_APP_NAME])).rows[0].count);
      expect(await listeners()).toBe(2);
      await sql.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = current_database()`, [NOTIFICATIONS_APP_NAME]);
      expect(await eventually(listeners, (n) => n === 2)).toBe(2);
    } finally {
      await sql.end();
    }
    // an amendment of 2026 published through A, in force from before the payment quoted: B's quotes follow
    const current = (await b.gql(QUOTE_2026)).data.quote.policyVersionId;
    const d = await publish2026(current, 43000, '2025-09-01');
    const after = await eventually(() => b.gql(QUOTE_2026), (r) => r.data?.quote?.policyVersionId === d.id);
    expect(after.data.quote).toEqual({ individualFee: '430.00', amountDue: '430.00', policyVersionId: d.id });
  });

  it("an import's progress and end can be asked of either process", async () => {
    const doc = validatePolicyDocument(readSeed('wuhe-2024.json'));
    if (!doc.ok) throw new Error('seed');
    const csv = [...generateCohort(doc.document, { size: 3_000, seed: 11 })].join('');
    const { createCohortImportJob: { id: job } } = await ok(b, 'drafter', `mutation { createCohortImportJob(jurisdiction: "五河县") { id } }`);
    const res = await fetch(`${a.base}/cohorts?jurisdiction=${encodeURIComponent('五河县')}&name=two-processes&job=${job}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${tokens.drafter}` },
      body: csv,
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const rest = await fetch(`${b.base}/cohorts/imports/${job}`, { headers: { authorization: `Bearer ${tokens.drafter}` } });
    expect(await rest.json()).toMatchObject({ id: job, status: 'done', rows: 3_000, cohortId: id });
    const { cohortImport } = await ok(b, 'drafter', `query($j: ID!) { cohortImport(job: $j) { id status rows bytes cohortId error } }`, { j: job });
    expect(cohortImport).toMatchObject({ id: job, status: 'done', rows: 3_000, cohortId: id, error: null });
    expect(cohortImport.bytes).toBe(Buffer.byteLength(csv));
  });

  it('a preview started on one process is followed and cancelled on the other', async () => {
    const cohort = (await ok(a, 'drafter', `{ cohorts(jurisdiction: "五河县") { id name } }`)).cohorts.find((c: any) => c.name === 'two-processes').id;
    const base = (await a.gql(`{ policy(jurisdiction: "五河县", year: 2024) { id } }`)).data.policy.id;
    const { createDraft: d } = await ok(a, 'drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2024) { id } }`, { f: base });
    const start = `mutation($d: ID!, $c: ID!) { startPreview(draft: $d, cohort: $c) { id status } }`;
    // two previews on A: they run one at a time, so the second is still waiting when B cancels it
    const { startPreview: first } = await ok(a, 'drafter', start, { d: d.id, c: cohort });
    const { startPreview: second } = await ok(a, 'drafter', start, { d: d.id, c: cohort });
    const { cancelPreview } = await ok(b, 'drafter', `mutation($id: ID!) { cancelPreview(id: $id) { id status } }`, { id: second.id });
    expect(cancelPreview).toEqual({ id: second.id, status: 'cancelled' });

    const JOB = `query($id: ID!) { previewJob(id: $id) { status progress error result { persons paysMore paysLess paysSame draft { totals { individualContributions } } } } }`;
    const onB = await eventually(() => ok(b, 'drafter', JOB, { id: first.id }), (r) => r.previewJob.status !== 'running');
    const onA = await ok(a, 'drafter', JOB, { id: first.id });
    expect(onB.previewJob.status).toBe('done');
    expect(onB.previewJob.progress).toBe(1);
    expect(onB.previewJob.result.persons).toBe(3_000);
    // B reads what A computed, field for field
    expect(onB.previewJob).toEqual(onA.previewJob);

    // the cancelled one never ran: A reports it cancelled too, with no result
    const cancelled = await eventually(() => ok(a, 'drafter', JOB, { id: second.id }), (r) => r.previewJob.status === 'cancelled');
    expect(cancelled.previewJob).toMatchObject({ status: 'cancelled', result: null, error: 'cancelled' });
  });
});
