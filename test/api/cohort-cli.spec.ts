import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openOrm } from '../../api/db/orm.js';
import { loadSeedsIfEmpty } from '../../api/db/seed.js';
import { createTestDatabase, sqlClient } from '../helpers/db.js';

/** `npm run cohort:generate` and `npm run cohort:import` as commands, against a real PostgreSQL. */
const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const tsx = (script: string, args: string[], env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', join(root, script), ...args], { cwd: root, env: { ...process.env, ...env } });

let db: { url: string; drop: () => Promise<void> };
let dir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  const orm = await openOrm(db.url, { poolMax: 2 });
  await migrate(orm);
  await loadSeedsIfEmpty(orm.em);
  await orm.close();
  dir = mkdtempSync(join(tmpdir(), 'cohort-cli-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

describe('cohort commands', () => {
  it('generate a reproducible cohort and import it', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    for (const f of [a, b]) await tsx('api/cli/cohort-generate.ts', ['--jurisdiction', '五河县', '--year', '2024', '--size', '3000', '--seed', '42', '--out', f], {});
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8')); // the same seed gives the same cohort
    const lines = readFileSync(a, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('person_id,unit,birth_date,categories,groups,payment_date');
    expect(lines).toHaveLength(3001);
    const r = await tsx('api/cli/cohort-import.ts', [a, '--jurisdiction', '340322', '--name', '命令行'], { DATABASE_URL: db.url });
    expect(r.stdout).toMatch(/imported 3,000 persons as cohort "命令行" of 五河县/);
    expect(r.stderr).toMatch(/\[#+\] 100%/); // the progress bar
    const sql = await sqlClient(db.url);
    const c = await sql.query(`select persons, status from cohort where name = '命令行'`);
    await sql.end();
    expect(c.rows[0]).toEqual({ persons: 3000, status: 'ready' });
  }, 60_000);

  it('refuse a bad file with line numbers and a non-zero exit, importing nothing', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'person_id,unit,birth_date,categories,groups,payment_date\nX1,城关镇,1990-01-01,,,\nX2,月球镇,1990-01-01,,,\n');
    const e = await tsx('api/cli/cohort-import.ts', [bad, '--jurisdiction', '五河县', '--name', '坏文件'], { DATABASE_URL: db.url }).catch((x) => x);
    expect(e.code).toBe(1);
    expect(e.stderr).toContain('refused, nothing imported: 1 error(s)');
    expect(e.stderr).toContain('line 3 unit: "月球镇" is not a unit of 五河县');
    const sql = await sqlClient(db.url);
    const c = await sql.query(`select count(*)::int as n from cohort where name = '坏文件'`);
    await sql.end();
    expect(c.rows[0].n).toBe(0);
  }, 60_000);
});
