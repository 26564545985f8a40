import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { prepareAppRole } from '../../api/db/app-role.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../api/db/embedded.js';
import { appDatabaseUrl, migrate, openOrm, type Orm } from '../../api/db/orm.js';
import { loadSeedsIfEmpty } from '../../api/db/seed.js';
import { generateCohort } from '../../api/modules/cohort/generate.js';
import { UserService } from '../../api/modules/user/user.service.js';
import { createApp, type App } from '../../api/server.js';
import { validatePolicyDocument } from '../../policy-schemas/index.js';
import { readSeed } from '../../seeds/index.js';
import { graphqlAt, request, serveApi, settleReviewItems, startTestApi, type TestApi } from '../helpers/api.js';
import { sqlClient } from '../helpers/db.js';
import { freePort, npmStart, tempDataParent } from '../helpers/npm-start.js';

/*
 * Faults (issue 11, item 6), over HTTP against a real PostgreSQL: PostgreSQL stopped under a running
 * API (quotes from the cache, 503 SERVICE_UNAVAILABLE for the rest, one log line per outage, back by
 * itself); API processes killed (SIGKILL) with jobs under way (reported interrupted, not lost) and in
 * the middle of a publication (published with its audit entries, or not at all); npm start's embedded
 * PostgreSQL killed (started again; given up with a clear message when it keeps dying).
 */
const PASSWORD = 'correct horse battery';
const root = new URL('../../', import.meta.url).pathname;

const post = graphqlAt;
async function until<T>(ask: () => Promise<T>, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await ask().catch((e) => e as T);
    if (done(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}
const QUOTE = `{ quote(input: { jurisdiction: "五河县", year: 2024, paymentDate: "2023-10-01", categories: ["di-bao"] }) { amountDue } }`;

describe('while PostgreSQL is down', () => {
  let dir: string;
  let port: number;
  let pg: EmbeddedDatabase;
  let orm: Orm;
  let app: App;
  let server: Server;
  let base: string;
  let drafter: string;
  let key: string;

  beforeAll(async () => {
    dir = tempDataParent('yibao-faults-');
    port = await freePort();
    pg = await startEmbeddedPostgres(join(dir, 'pg'), port, () => {});
    const owner = await openOrm(pg.url, { poolMax: 2 });
    await migrate(owner);
    await loadSeedsIfEmpty(owner.em);
    await owner.close();
    orm = await openOrm(await prepareAppRole(pg.url, pg.secrets.appPassword), { poolMax: 4 });
    app = await createApp(orm);
    server = await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const users = new UserService(orm.em.fork());
    const wuhe = (await orm.em.fork().execute(`select id from jurisdiction where name = '五河县'`))[0]!.id as number;
    await users.create({ username: 'wuhe', password: PASSWORD, roles: ['drafter'], jurisdictionIds: [wuhe] });
    const tax = await users.create({ username: 'tax', password: PASSWORD, roles: ['integrator'], jurisdictionIds: [] });
    key = (await users.createApiKey('税务', tax.id, tax.id)).key;
    drafter = (await post(base, `mutation { login(username: "wuhe", password: "${PASSWORD}") { token } }`)).body.data.login.token;
    // what a running service has seen before the outage
    expect((await post(base, QUOTE)).body.data.quote.amountDue).toBe('60.00');
    expect((await post(base, QUOTE, {}, key)).body.data.quote.amountDue).toBe('60.00');
    expect((await post(base, `{ cohorts { id } }`, {}, drafter)).body.data.cohorts).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await app?.close();
    await orm?.close();
    await pg?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('quotes from the cache, answers 503 SERVICE_UNAVAILABLE for the rest, logs it once, and comes back by itself', async () => {
    const logged: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.stack}` : String(a))).join(' ')));
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    try {
      await pg.stop();
      for (let round = 0; round < 3; round++) {
        // the published rules were read before: quotes go on, anonymous or with a key seen before
        expect(await post(base, QUOTE)).toEqual({ status: 200, body: { data: { quote: { amountDue: '60.00' } } } });
        expect(await post(base, QUOTE, {}, key)).toEqual({ status: 200, body: { data: { quote: { amountDue: '60.00' } } } });
        // what needs the database: a clear refusal with a stable code, HTTP 503
        for (const [query, token] of [
          [`{ cohorts { id } }`, drafter],
          [`{ policyVersions(jurisdiction: "五河县") { id } }`, undefined],
          [`{ quote(input: { jurisdiction: "石狮市", year: 2025, paymentDate: "2024-10-01" }) { amountDue } }`, undefined], // never read before
          [`mutation { login(username: "wuhe", password: "${PASSWORD}") { token } }`, undefined],
        ] as const) {
          const r = await post(base, query, {}, token);
          expect(r.status, query).toBe(503);
          expect(r.body.errors[0], query).toEqual({ message: expect.stringMatching(/^The database is unavailable at the moment; try again shortly/), extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE' } });
        }
        const bearer = { authorization: `Bearer ${drafter}` };
        const upload = await request(`${base}/cohorts?jurisdiction=${encodeURIComponent('五河县')}&name=x`, { method: 'POST', headers: { ...bearer, 'content-type': 'text/csv' }, body: 'x' });
        expect(upload.status).toBe(503);
        expect(((await upload.json()) as any).code).toBe('SERVICE_UNAVAILABLE');
        expect((await request(`${base}/cohorts/imports/00000000-0000-0000-0000-000000000000`, { headers: bearer })).status).toBe(503);
        const health = await request(`${base}/health`);
        expect(health.status).toBe(503);
        expect(await health.json()).toEqual({ status: 'down' });
      }
      // one line for the outage, no stack trace per request
      expect(logged.filter((l) => /PostgreSQL is unavailable/.test(l))).toHaveLength(1);
      expect(logged.filter((l) => /\n\s+at /.test(l))).toEqual([]);

      pg = await startEmbeddedPostgres(join(dir, 'pg'), port, () => {});
      const back = await until(() => post(base, `{ cohorts { id } }`, {}, drafter), (r) => r.status === 200);
      expect(back.body).toEqual({ data: { cohorts: [] } });
      expect((await request(`${base}/health`)).status).toBe(200);
      expect((await post(base, `mutation { login(username: "wuhe", password: "${PASSWORD}") { token } }`)).body.data.login.token).toBeTruthy();
      await until(async () => logged.filter((l) => /PostgreSQL is available again/.test(l)).length, (n) => n > 0, 10_000);
      expect(logged.filter((l) => /PostgreSQL is available again/.test(l))).toHaveLength(1);
      expect(logged.filter((l) => /\n\s+at /.test(l))).toEqual([]);
    } finally {
      error.mockRestore();
      log.mockRestore();
    }
  }, 60_000);
});

/** An API process of its own over `databaseUrl` (the owner's), to be killed. */
async function child(databaseUrl: string): Promise<{ proc: ChildProcess; base: string; pid: number }> {
  const url = await appDatabaseUrl(databaseUrl, inject('appPassword'));
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/helpers/serve-child.ts')], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on (\d+)/.exec(out);
      if (m) clearInterval(timer), resolve(Number(m[1]));
    }, 50);
    proc.once('exit', (code) => (clearInterval(timer), reject(new Error(`the API process exited (${code}):\n${out}`))));
  });
  return { proc, base: `http://127.0.0.1:${port}`, pid: proc.pid! };
}
async function kill(c: { proc: ChildProcess }): Promise<void> {
  const gone = new Promise<void>((r) => c.proc.once('exit', () => r()));
  c.proc.kill('SIGKILL');
  await gone;
}

describe('an API process killed', () => {
  let api: TestApi;
  let token: string;
  const ok = async (base: string, query: string, variables?: Record<string, unknown>) => {
    const r = await post(base, query, variables, token);
    if (r.body.errors) throw new Error(r.body.errors[0].message);
    return r.body.data;
  };
  beforeAll(async () => {
    api = await startTestApi();
    const users = new UserService(api.orm.em.fork());
    const ids = (await api.orm.em.fork().execute(`select id from jurisdiction where name in ('五河县', '石狮市')`)) as { id: number }[];
    await users.create({ username: 'officer', password: PASSWORD, roles: ['drafter'], jurisdictionIds: ids.map((j) => j.id) });
    await users.create({ username: 'checker', password: PASSWORD, roles: ['approver'], jurisdictionIds: ids.map((j) => j.id) });
    token = (await post(api.base, `mutation { login(username: "officer", password: "${PASSWORD}") { token } }`)).body.data.login.token;
  });
  afterAll(async () => api?.close());

  it('during an upload: the import is reported interrupted (not lost, not running forever), and nothing of it is kept', async () => {
    const doc = validatePolicyDocument(readSeed('wuhe-2024.json'));
    if (!doc.ok) throw new Error('seed');
    const csv = Buffer.from([...generateCohort(doc.document, { size: 24_000, seed: 4 })].join(''));
    const { createCohortImportJob: job } = await ok(api.base, `mutation { createCohortImportJob(jurisdiction: "五河县") { id } }`);
    const victim = await child(api.databaseUrl);
    // half the file, then nothing: the upload is under way when the process dies
    let sent!: () => void;
    const halfSent = new Promise<void>((r) => (sent = r));
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(csv.subarray(0, csv.length >> 1));
        sent();
      },
    });
    const upload = request(`${victim.base}/cohorts?jurisdiction=${encodeURIComponent('五河县')}&name=killed&job=${job.id}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      body,
      duplex: 'half',
    } as RequestInit).catch((e: Error) => e);
    await halfSent;
    const running = await until(() => ok(api.base, `query($j: ID!) { cohortImport(job: $j) { status rows } }`, { j: job.id }), (r: any) => r.cohortImport?.status === 'running' && r.cohortImport.rows > 0);
    expect(running.cohortImport).toMatchObject({ status: 'running' });
    await kill(victim);
    expect(await upload).toBeInstanceOf(Error);
    // the other process reports it interrupted, at once
    const after = await ok(api.base, `query($j: ID!) { cohortImport(job: $j) { status error cohortId } }`, { j: job.id });
    expect(after.cohortImport).toEqual({ status: 'interrupted', error: expect.stringMatching(/^interrupted: the API process running it stopped/), cohortId: null });
    const rest = await request(`${api.base}/cohorts/imports/${job.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await rest.json()).toMatchObject({ status: 'interrupted' });
    // the import's transaction died with the process
    const sql = await sqlClient(api.databaseUrl);
    try {
      await until(async () => (await sql.query(`select count(*)::int as n from cohort where name = 'killed'`)).rows[0].n, (n) => n === 0, 5_000);
      expect((await sql.query(`select count(*)::int as n from cohort where name = 'killed'`)).rows[0].n).toBe(0);
    } finally {
      await sql.end();
    }
  }, 60_000);

  /** A Wuhe cohort of 20,000 generated persons and a draft to preview on it. */
  async function previewable(name: string, seed: number) {
    const doc = validatePolicyDocument(readSeed('wuhe-2024.json'));
    if (!doc.ok) throw new Error('seed');
    const csv = [...generateCohort(doc.document, { size: 20_000, seed })].join('');
    const up = await request(`${api.base}/cohorts?jurisdiction=${encodeURIComponent('五河县')}&name=${name}`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` }, body: csv });
    const cohort = ((await up.json()) as any).id as string;
    const base = (await post(api.base, `{ policy(jurisdiction: "五河县", year: 2024) { id } }`)).body.data.policy.id;
    const draft = (await ok(api.base, `mutation($f: ID!) { createDraft(from: $f, year: 2024) { id } }`, { f: base })).createDraft.id as string;
    /** Three previews started on the API at `at`, one after the other (the first runs, the others queue). */
    return async (at: string) => {
      const jobs: string[] = [];
      for (let i = 0; i < 3; i++) jobs.push((await ok(at, `mutation($d: ID!, $c: ID!) { startPreview(draft: $d, cohort: $c) { id } }`, { d: draft, c: cohort })).startPreview.id);
      return jobs;
    };
  }

  it('with previews running and queued: each is reported done or interrupted, none stays running', async () => {
    const start = await previewable('previews', 8);
    const victim = await child(api.databaseUrl);
    const jobs = await start(victim.base);
    await kill(victim);
    const states = await Promise.all(jobs.map(async (id) => (await ok(api.base, `query($id: ID!) { previewJob(id: $id) { status error } }`, { id })).previewJob));
    for (const s of states) expect(['done', 'interrupted']).toContain(s.status);
    expect(states.at(-1)).toEqual({ status: 'interrupted', error: expect.stringMatching(/^interrupted: the API process running it stopped/) });
    // a process that starts marks what the dead one left behind, even unasked
    const sql = await sqlClient(api.databaseUrl);
    try {
      expect((await sql.query(`select count(*)::int as n from app_job where status = 'running'`)).rows[0].n).toBe(0);
    } finally {
      await sql.end();
    }
  }, 60_000);

  it('stopped (as SIGTERM stops it) with previews running and queued: each ends done or interrupted, in its job and in its preview record, before the database is let go', async () => {
    const start = await previewable('stopped', 9);
    // a second process's worth of the API over the same database, stopped as a process stops on SIGTERM
    const second = await serveApi(api.databaseUrl);
    const jobs = await start(second.base);
    await second.close();
    // read from the tables, not through an API process (which would mark what a dead one left behind)
    const sql = await sqlClient(api.databaseUrl);
    try {
      const rows = (await sql.query(`select id, status, error from app_job where id = any($1)`, [jobs])).rows as { id: string; status: string; error: string | null }[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const id of jobs) expect(['done', 'interrupted']).toContain(byId.get(id)?.status);
      expect(byId.get(jobs.at(-1)!)).toMatchObject({ status: 'interrupted', error: expect.stringMatching(/^interrupted: the API process running it stopped/) });
      const records = (await sql.query(`select job_id, status, error from preview_record where job_id = any($1)`, [jobs])).rows as { job_id: string; status: string; error: string | null }[];
      expect(records).toHaveLength(3);
      for (const r of records) {
        expect(r.status, JSON.stringify(r)).not.toBe('running');
        if (r.status !== 'done') expect(r).toMatchObject({ status: 'failed', error: expect.stringMatching(/^interrupted: /) });
      }
    } finally {
      await sql.end();
    }
  }, 60_000);

  it('in the middle of a publication: the version is published with its audit entries, or not at all', async () => {
    const checker = (await post(api.base, `mutation { login(username: "checker", password: "${PASSWORD}") { token } }`)).body.data.login.token;
    const as = async (who: string, base: string, query: string, variables?: Record<string, unknown>) => {
      const r = await post(base, query, variables, who);
      if (r.body.errors) throw new Error(r.body.errors[0].message);
      return r.body.data;
    };
    const approvedDraft = async () => {
      const from = (await post(api.base, `{ policy(jurisdiction: "石狮市", year: 2025) { id } }`)).body.data.policy.id;
      const { createDraft: d } = await as(token, api.base, `mutation($f: ID!) { createDraft(from: $f, year: 2025) { id } }`, { f: from });
      await settleReviewItems((q, v) => api.gql(q, v, token), d.id); // its own document number, the review items acknowledged
      await as(token, api.base, `mutation($id: ID!) { submitForReview(id: $id) { status } }`, { id: d.id });
      await as(checker, api.base, `mutation($id: ID!) { approve(id: $id) { status } }`, { id: d.id });
      return { id: d.id as string, from: from as string };
    };
    const sql = await sqlClient(api.databaseUrl);
    /** The draft's and its source's status, and the publication's audit entries (written after the draft was approved). */
    const state = async (id: string, from: string) => {
      const v = (await sql.query(`select id, status from policy_version where id = any($1::uuid[]) order by id`, [[id, from]])).rows;
      const audit = (
        await sql.query(
          `select action, policy_version_id from audit_log where action in ('publish', 'supersede') and policy_version_id = any($1::uuid[])
             and id > (select max(id) from audit_log where action = 'approve' and policy_version_id = $2) order by action`,
          [[id, from], id],
        )
      ).rows;
      return { version: v.find((r) => r.id === id).status, source: v.find((r) => r.id === from).status, audit: audit.map((a) => `${a.action} ${a.policy_version_id === id ? 'draft' : 'source'}`) };
    };
    try {
      // 1. killed while the transaction waits (the audit log is locked by another session meanwhile)
      const d = await approvedDraft();
      const victim = await child(api.databaseUrl);
      const lock = await sqlClient(api.databaseUrl);
      await lock.query('begin');
      await lock.query('lock table audit_log in share row exclusive mode');
      const publishing = post(victim.base, `mutation($id: ID!) { publish(id: $id) { status } }`, { id: d.id }, checker).catch((e: Error) => e);
      // the publication has superseded the source and published the draft, and waits to write its audit entries
      await until(
        async () => (await sql.query(`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query ilike 'insert into audit_log%' and datname = current_database()`)).rows[0].n,
        (n) => n > 0,
        10_000,
      );
      await kill(victim);
      await lock.query('rollback');
      await lock.end();
      expect(await publishing).toBeInstanceOf(Error);
      // the dead process's transaction is rolled back: nothing of the publication remains
      const killed = await until(() => state(d.id, d.from), (s) => s.version === 'approved' && s.source === 'published', 10_000);
      expect(killed).toEqual({ version: 'approved', source: 'published', audit: [] });
      // and the version can be published afterwards, with both entries
      await as(checker, api.base, `mutation($id: ID!) { publish(id: $id) { status } }`, { id: d.id });
      expect(await state(d.id, d.from)).toEqual({ version: 'published', source: 'superseded', audit: ['publish draft', 'supersede source'] });

      // 2. killed at a moment the test does not choose: whatever happened is whole
      for (const delay of [0, 30]) {
        const e = await approvedDraft();
        const v = await child(api.databaseUrl);
        const sent = post(v.base, `mutation($id: ID!) { publish(id: $id) { status } }`, { id: e.id }, checker).catch((x: Error) => x);
        await new Promise((r) => setTimeout(r, delay));
        await kill(v);
        await sent;
        const s = await until(() => state(e.id, e.from), (x) => x.version !== 'approved' || x.source === 'published', 5_000);
        expect([
          { version: 'approved', source: 'published', audit: [] },
          { version: 'published', source: 'superseded', audit: ['publish draft', 'supersede source'] },
        ]).toContainEqual(s);
      }
    } finally {
      await sql.end();
    }
  }, 120_000);
});

describe("npm start's embedded PostgreSQL killed", () => {
  it('is started again (the API comes back by itself); killed again and again, npm start stops with a clear message', async () => {
    const dir = tempDataParent('yibao-pgkill-');
    const data = join(dir, 'postgres');
    const app = await npmStart({ DATA_DIR: data, EMBEDDED_PG_PORT: String(await freePort()), ADMIN_PASSWORD: 'admin-password-1' });
    const postmaster = () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const login = () => post(app.base, `mutation { login(username: "admin", password: "admin-password-1") { token } }`);
    try {
      const admin = (await login()).body.data.login.token;
      // a job made before the crash survives it (app_job is a logged table: crash recovery keeps it)
      const { createCohortImportJob: job } = (await post(app.base, `mutation { createCohortImportJob(jurisdiction: "五河县") { id status } }`, {}, admin)).body.data;
      const first = postmaster();
      process.kill(first, 'SIGKILL');
      await app.waitFor(/PostgreSQL stopped unexpectedly \(SIGKILL\); starting it again/, 10_000);
      await app.waitFor(/PostgreSQL is running again/, 30_000);
      expect(postmaster()).not.toBe(first);
      const back = await until(login, (r) => r.status === 200);
      expect(back.body.data.login.token).toBeTruthy();
      const kept = await post(app.base, `query($j: ID!) { cohortImport(job: $j) { id status } }`, { j: job.id }, back.body.data.login.token);
      expect(kept.body).toEqual({ data: { cohortImport: { id: job.id, status: 'pending' } } });
      // it keeps dying: after three restarts within a minute, npm start gives up and says why
      for (let i = 0; i < 3; i++) {
        const before = app.output().split('PostgreSQL is running again').length;
        const pid = postmaster();
        process.kill(pid, 'SIGKILL');
        if (i < 2) await until(async () => app.output().split('PostgreSQL is running again').length, (n) => n > before, 30_000);
      }
      await app.waitFor(/Stopping: the API cannot work without its database/, 30_000);
      const code = await new Promise<number | null>((r) => (app.proc.exitCode !== null ? r(app.proc.exitCode) : app.proc.once('exit', (c) => r(c))));
      expect(code).not.toBe(0);
      expect(app.output()).toMatch(/PostgreSQL stopped unexpectedly \(SIGKILL\), the 4th time within a minute/);
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
