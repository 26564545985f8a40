/**
 * Cohort figures for `npm run bench`: import of 1,000,000 generated persons (rows/s) next to
 * `psql \copy` of the same file into a plain table; a 1,000,000-person preview, draft against baseline,
 * cold (columns read from PostgreSQL) and warm (cached); bytes per person held in memory.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { validatePolicyDocument, type PolicyDocument } from '../../policy-schemas/index.js';
import { readSeed } from '../../seeds/index.js';
import { bytesPerPerson } from '../../api/engine/index.js';
import { importCohort } from '../../api/modules/cohort/cohort-import.js';
import { generateCohort } from '../../api/modules/cohort/generate.js';
import { JobStore } from '../../api/modules/jobs/job-store.js';
import { PreviewService } from '../../api/modules/cohort/preview.service.js';
import { CohortService } from '../../api/modules/cohort/cohort.service.js';
import { loadColumns } from '../../api/modules/cohort/cohort-columns.js';
import type { Orm } from '../../api/db/orm.js';
import { cloneForward } from '../../api/modules/policy/clone-forward.js';

const SIZE = Number(process.env.BENCH_PERSONS ?? 1_000_000);

export async function cohortBench(orm: Orm, databaseUrl: string) {
  const r = validatePolicyDocument(readSeed('wuhe-2024.json'));
  if (!r.ok) throw new Error('seed');
  const baseline = r.document;
  const file = join(tmpdir(), `yibao-bench-${process.pid}.csv`);
  try {
    let t = Date.now();
    const out = createWriteStream(file);
    for (const chunk of generateCohort(baseline, { size: SIZE, seed: 2024 })) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    console.log(`generated ${SIZE.toLocaleString('en')} persons (${(statSync(file).size / 1e6).toFixed(0)} MB) in ${Date.now() - t} ms`);

    // psql \copy of the same file into a plain table, alternating with our import, three rounds each;
    // medians, because a single run on this 2-core VM varies by a third
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    await c.query('drop table if exists bench_plain; create table bench_plain (person_id text, unit text, birth_date date, categories text, groups text, payment_date date)');
    const em = orm.em.fork();
    const j = ((await em.execute(`select id from jurisdiction where name = '五河县'`)) as { id: number }[])[0]!.id;
    const vocabulary = (await new CohortService(em).vocabulary(j, '五河县'))!;
    const psqlRates: number[] = [];
    const importRates: number[] = [];
    let imported!: { id: string; no: number; persons: number };
    for (let round = 0; round < 3; round++) {
      await c.query('truncate bench_plain');
      t = Date.now();
      execFileSync('psql', [databaseUrl, '-q', '-c', `\\copy bench_plain from '${file}' with (format csv, header true)`], { stdio: ['ignore', 'ignore', 'inherit'] });
      psqlRates.push(SIZE / ((Date.now() - t) / 1000));
      t = Date.now();
      imported = await importCohort({ databaseUrl, vocabulary, name: `bench ${Date.now()}`, createdBy: null, input: createReadStream(file, { highWaterMark: 1 << 20 }) });
      importRates.push(SIZE / ((Date.now() - t) / 1000));
    }
    // the ceiling for this table: psql \copy of the same rows (numbered) into a cohort partition
    const numbered = `${file}.rows`;
    const lines = createWriteStream(numbered);
    let n = 0;
    let rest = '';
    for await (const chunk of createReadStream(file, { encoding: 'utf8' })) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      const outLines = parts.filter((_, i) => n + i > 0).map((l, i) => `${n === 0 ? i + 1 : n + i},${l}`);
      n += parts.length;
      if (!lines.write(outLines.join('\n') + (outLines.length ? '\n' : ''))) await once(lines, 'drain');
    }
    lines.end();
    await once(lines, 'finish');
    await c.query('create table cohort_person_999999 partition of cohort_person for values in (999999)');
    await c.query('alter table cohort_person_999999 alter column cohort_no set default 999999');
    t = Date.now();
    execFileSync('psql', [databaseUrl, '-q', '-c', `\\copy cohort_person_999999 (row_no, person_id, unit, birth_date, categories, groups, payment_date) from '${numbered}' with (format csv)`], { stdio: ['ignore', 'ignore', 'inherit'] });
    const partitionRate = SIZE / ((Date.now() - t) / 1000);
    await c.query('drop table cohort_person_999999');
    rmSync(numbered, { force: true });
    await c.end();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const rates = (xs: number[]) => xs.map((x) => Math.round(x).toLocaleString('en')).join(', ');
    console.log(`import (check + COPY):   median ${Math.round(median(importRates)).toLocaleString('en')} rows/s (rounds: ${rates(importRates)})`);
    console.log(`psql \\copy, plain table: median ${Math.round(median(psqlRates)).toLocaleString('en')} rows/s (rounds: ${rates(psqlRates)})`);
    console.log(`ratio import / psql:     ${(median(importRates) / median(psqlRates)).toFixed(2)} (medians)`);
    console.log(`(psql \\copy of the same rows into a cohort partition, the ceiling for this table: ${Math.round(partitionRate).toLocaleString('en')} rows/s)`);

    // the draft: the fee raised to 400 and 低保 to 330 off
    const draft: PolicyDocument = structuredClone(baseline);
    draft.fees.individual.amountFen = 40000;
    for (const cat of draft.categories) if (cat.code === 'di-bao' && cat.benefit.kind === 'fixed-subsidy') cat.benefit.amountFen = 33000;
    const jobs = new JobStore(databaseUrl);
    const previews = new PreviewService(databaseUrl, jobs);
    const cohort = { id: imported.id, name: 'bench', jurisdiction: { id: j, code: '340322', name: '五河县', level: 'county', note: null, kind: 'county', reference: null, parentId: null }, persons: SIZE, units: [], createdAt: new Date(), byUnit: [], byCategory: [] };
    const input = {
      draft: { id: 'draft', year: 2024, status: 'draft', document: draft },
      baseline: { id: 'baseline', year: 2024, status: 'published', document: baseline },
      cohort,
      cohortNo: imported.no,
      personIds: (rows: number[]) => new CohortService(orm.em.fork()).personIds(imported.no, rows),
    };
    t = Date.now();
    const cold = await previews.result((await previews.start(input, { createdBy: null, jurisdictionId: null })).id);
    const coldMs = Date.now() - t;
    t = Date.now();
    const warm = await previews.result((await previews.start(input, { createdBy: null, jurisdictionId: null })).id);
    const warmMs = Date.now() - t;
    // next year's clone against this year: the baseline runs a second time on the population moved a year (populationEffect)
    const nextYear = { ...input, draft: { id: 'next', year: 2025, status: 'draft', document: cloneForward(draft, 2025).document } };
    t = Date.now();
    const across = await previews.result((await previews.start(nextYear, { createdBy: null, jurisdictionId: null })).id);
    const acrossMs = Date.now() - t;
    await previews.close();
    await jobs.close();
    const columns = await loadColumns(databaseUrl, imported.no, SIZE); // what the worker keeps per cohort
    console.log(`preview, cold (columns from PostgreSQL): ${coldMs} ms`);
    console.log(`preview, warm (columns cached):          ${warmMs} ms`);
    console.log(`preview, 2025 clone against 2024, warm:   ${acrossMs} ms (three runs: the population effect is ${across.populationEffect!.individualContributions / 100} yuan; ${across.changeGroups.length} distinct changes)`);
    console.log(`  ${warm.persons.toLocaleString('en')} persons, pay more ${warm.paysMore.toLocaleString('en')}, less ${warm.paysLess.toLocaleString('en')}, same ${warm.paysSame.toLocaleString('en')}; contributions ${cold.draft.totals.individualContributions / 100} vs ${cold.baseline.totals.individualContributions / 100} yuan; distinct cases ${warm.draft.distinctCases} / ${warm.baseline.distinctCases}`);
    console.log(`memory: ${bytesPerPerson(columns).toFixed(1)} bytes per person in the cached columns, + 8 per person while a preview runs (one answer index per version)`);
  } finally {
    rmSync(file, { force: true });
  }
}
