import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { migrate, openOrm, type Orm } from '../../api/db/orm.js';
import { loadSeedsIfEmpty } from '../../api/db/seed.js';
import { PolicyService } from '../../api/modules/policy/policy.service.js';
import { readSeed } from '../../seeds/index.js';
import { readDivisionReference } from '../../api/modules/jurisdiction/division-reference.js';
import { createTestDatabase, sqlClient } from '../helpers/db.js';

/** What the database itself guarantees, whatever the application does. */
let orm: Orm;
let sql: pg.Client;
let drop: () => Promise<void>;

beforeAll(async () => {
  const db = await createTestDatabase({ empty: true });
  drop = db.drop;
  orm = await openOrm(db.url, { poolMax: 2 });
  expect(await migrate(orm)).toEqual(['Migration20261123000000_policy_store', 'Migration20261123010000_authoring', 'Migration20261123020000_cohorts', 'Migration20261123030000_app_role', 'Migration20261123040000_shared_state', 'Migration20261201100000_hardening', 'Migration20261201500000_division_reference', 'Migration20261201500100_review_items', 'Migration20261201600000_cohort_facts', 'Migration20261201700000_review']);
  expect(await loadSeedsIfEmpty(orm.em)).toBe(5);
  sql = await sqlClient(db.url);
});
afterAll(async () => {
  await sql?.end();
  await orm?.close();
  await drop?.();
});

const shishi2025 = async () =>
  (await sql.query(`select v.* from policy_version v join jurisdiction j on j.id = v.jurisdiction_id where j.code = '350581' and year = 2025`)).rows[0];

describe('start-up', () => {
  it('applies no migration twice and loads the seeds only once', async () => {
    expect(await migrate(orm)).toEqual([]);
    expect(await loadSeedsIfEmpty(orm.em)).toBe(0);
    expect((await sql.query('select count(*)::int as n from policy_version')).rows[0].n).toBe(5);
    // the national division list, the seeds' ten among them (no row added for them)
    expect((await sql.query('select count(*)::int as n from jurisdiction')).rows[0].n).toBe(readDivisionReference().rows.length);
  });
});

describe('published versions', () => {
  it('a second published version for the same jurisdiction and year is refused by the database', async () => {
    const v = await shishi2025();
    await expect(
      sql.query(
        `insert into policy_version (id, jurisdiction_id, year, status, document, content_hash, document_number, issued_on, published_at)
         values ($1, $2, 2025, 'published', $3, $4, 'x', '2024-10-28', now())`,
        [randomUUID(), v.jurisdiction_id, v.document, v.content_hash],
      ),
    ).rejects.toThrow(/policy_version_one_published/);
  });

  it('a draft beside the published version is allowed', async () => {
    const v = await shishi2025();
    const id = randomUUID();
    await sql.query(
      `insert into policy_version (id, jurisdiction_id, year, status, document, content_hash, document_number, issued_on)
       values ($1, $2, 2025, 'draft', $3, $4, 'x', '2024-10-28')`,
      [id, v.jurisdiction_id, v.document, v.content_hash],
    );
    await sql.query('delete from policy_version where id = $1', [id]);
  });

  it('a row whose year is not the document’s coverage year is refused', async () => {
    const v = await shishi2025();
    await expect(
      sql.query(
        `insert into policy_version (id, jurisdiction_id, year, status, document, content_hash, document_number, issued_on)
         values ($1, $2, 2026, 'draft', $3, $4, 'x', '2024-10-28')`,
        [randomUUID(), v.jurisdiction_id, v.document, v.content_hash],
      ),
    ).rejects.toThrow(/policy_version_year_matches_document/);
  });

  it('an SQL UPDATE of a published version’s content fails in the database', async () => {
    const v = await shishi2025();
    await expect(
      sql.query(`update policy_version set document = jsonb_set(document, '{fees,individual,amountFen}', '1') where id = $1`, [v.id]),
    ).rejects.toThrow(/can no longer change/);
    await expect(sql.query(`update policy_version set status = 'draft' where id = $1`, [v.id])).rejects.toThrow(/can no longer change/);
    expect((await shishi2025()).content_hash).toBe(v.content_hash);
  });

  it('an SQL DELETE of a published version fails in the database', async () => {
    const v = await shishi2025();
    await expect(sql.query('delete from policy_version where id = $1', [v.id])).rejects.toThrow(/never deleted/);
    await expect(sql.query('delete from policy_version')).rejects.toThrow(/never deleted/);
    expect((await sql.query('select count(*)::int as n from policy_version')).rows[0].n).toBe(5);
  });

  it('dates come back as the calendar dates stored, whatever the process timezone', async () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        const em = orm.em.fork();
        const v = await new PolicyService(em).list({ year: 2025 });
        expect(v[0]!.issuedOn).toBe('2024-10-28');
      }
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe('writing a version', () => {
  it('refuses an invalid document naming the field, and writes nothing', async () => {
    const doc = structuredClone(readSeed('meishan-2024.json')) as any;
    doc.categories[0].benefit.percent = 125;
    const before = (await sql.query('select count(*)::int as n from policy_version')).rows[0].n;
    const em = orm.em.fork();
    const j = (await sql.query(`select id from jurisdiction where code = '511400'`)).rows[0].id;
    await expect(
      new PolicyService(em).create({ jurisdictionId: j, document: doc, status: 'draft', source: 'test' }),
    ).rejects.toThrow('categories[0].benefit.percent: must be between 0 and 100');
    expect((await sql.query('select count(*)::int as n from policy_version')).rows[0].n).toBe(before);
  });

  it('refuses a document filed under another jurisdiction', async () => {
    const em = orm.em.fork();
    const j = (await sql.query(`select id from jurisdiction where code = '340322'`)).rows[0].id;
    await expect(
      new PolicyService(em).create({ jurisdictionId: j, document: readSeed('meishan-2024.json'), status: 'draft', source: 'test' }),
    ).rejects.toThrow(/jurisdiction: names 眉山市 \(511400\), but the version is stored under 五河县 \(340322\)/);
  });
});
