import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openOrm, type Orm } from '../../api/db/orm.js';
import { loadSeedsIfEmpty } from '../../api/db/seed.js';
import { fromDay } from '../../api/engine/dates.js';
import { NO_DATE } from '../../api/engine/index.js';
import { loadColumns, RecentColumns } from '../../api/modules/cohort/cohort-columns.js';
import { importCohort } from '../../api/modules/cohort/cohort-import.js';
import { CohortService } from '../../api/modules/cohort/cohort.service.js';
import { createTestDatabase } from '../helpers/db.js';

/** A cohort's persons read back from PostgreSQL as the preview worker holds them, and the worker's cache of them. */
let orm: Orm;
let url: string;
let drop: () => Promise<void>;
const cohorts: { no: number; persons: number }[] = [];

const CSV = [
  'person_id,unit,birth_date,categories,groups,payment_date',
  'p1,城关镇,1950-03-03,di-bao;jian-ce,,2023-10-01',
  'p2,头铺镇,2023-11-20,,newborn,2024-01-15',
  'p3,城关镇,1980-07-07,jian-ce;di-bao,,',
].join('\n');

beforeAll(async () => {
  const db = await createTestDatabase();
  ({ url, drop } = db);
  orm = await openOrm(url, { poolMax: 2 });
  await migrate(orm);
  await loadSeedsIfEmpty(orm.em);
  const em = orm.em.fork();
  const id = ((await em.execute(`select id from jurisdiction where name = '五河县'`)) as { id: number }[])[0]!.id;
  const vocabulary = (await new CohortService(em).vocabulary(id, '五河县'))!;
  for (let i = 0; i < 3; i++) cohorts.push(await importCohort({ databaseUrl: url, vocabulary, name: `columns ${i}`, createdBy: null, input: Readable.from([CSV]) }));
});
afterAll(async () => {
  await orm?.close();
  await drop?.();
});

describe('cohort columns', () => {
  it('reads every person with COPY into columns: units, dates as day numbers, each category set sorted, whatever order the file gave', async () => {
    const c = await loadColumns(url, cohorts[0]!.no, cohorts[0]!.persons);
    expect(c.size).toBe(3);
    const rows = Array.from(c.rowNo).map((rowNo, i) => ({
      rowNo,
      unit: c.units[c.unit[i]!],
      birth: fromDay(c.birth[i]!),
      pay: c.pay[i] === NO_DATE ? null : fromDay(c.pay[i]!),
      categories: c.catSets[c.catSet[i]!],
      groups: c.groupSets[c.groupSet[i]!],
    }));
    expect(rows.sort((a, b) => a.rowNo - b.rowNo)).toEqual([
      { rowNo: 1, unit: '城关镇', birth: '1950-03-03', pay: '2023-10-01', categories: ['di-bao', 'jian-ce'], groups: [] },
      { rowNo: 2, unit: '头铺镇', birth: '2023-11-20', pay: '2024-01-15', categories: [], groups: ['newborn'] },
      { rowNo: 3, unit: '城关镇', birth: '1980-07-07', pay: null, categories: ['di-bao', 'jian-ce'], groups: [] },
    ]);
  });

  it('keeps the most recently used cohorts: a second preview of a cohort reads nothing, the least recent is dropped', async () => {
    const loads: number[] = [];
    const recent = new RecentColumns(2, (u, no, n) => (loads.push(no), loadColumns(u, no, n)));
    const get = (i: number) => recent.get(url, cohorts[i]!.no, cohorts[i]!.persons);
    const first = await get(0);
    expect(await get(0)).toBe(first);
    await get(1);
    await get(0); // the first is now the most recent
    await get(2); // drops the second
    await get(0);
    await get(1);
    expect(loads).toEqual([cohorts[0]!.no, cohorts[1]!.no, cohorts[2]!.no, cohorts[1]!.no]);
  });
});
