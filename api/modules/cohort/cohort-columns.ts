import { StringDecoder } from 'node:string_decoder';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { ColumnsBuilder, type CohortColumns } from '../../engine/index.js';
import { storedFacts } from './cohort-facts.js';

/** A cohort's persons as columns, read with COPY (no ORM, no per-row objects). */
export async function loadColumns(databaseUrl: string, cohortNo: number, expected = 1024): Promise<CohortColumns> {
  if (!Number.isInteger(cohortNo)) throw new Error('not a cohort number');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const b = new ColumnsBuilder(Math.max(1024, expected));
    const stream = client.query(
      copyTo(`copy (select row_no, unit, birth_date, categories, groups, payment_date, facts from cohort_person where cohort_no = ${cohortNo}) to stdout`),
    );
    let rest = '';
    const parseList = (t: string) => () => (t === '' ? [] : t.split(';'));
    const line = (l: string) => {
      if (!l) return;
      const f = l.split('\t');
      if (f[3] === '\\N') f[3] = ''; // an empty list is stored as NULL
      if (f[4] === '\\N') f[4] = '';
      const facts = f[6] === undefined || f[6] === '\\N' ? '' : unescape(f[6]);
      b.add(Number(f[0]), unescape(f[1]!), f[2] === '\\N' ? null : f[2]!, f[5] === '\\N' ? null : f[5]!, f[3]!, parseList(f[3]!), f[4]!, parseList(f[4]!), facts, () => storedFacts(facts));
    };
    const decoder = new StringDecoder('utf8'); // a character may be split between two chunks
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const parts = (rest + decoder.write(chunk)).split('\n');
      rest = parts.pop()!;
      for (const p of parts) line(p);
    }
    line(rest + decoder.end());
    return b.build();
  } finally {
    await client.end();
  }
}

/**
 * The columns of the last cohorts read, most recently used kept: a cohort never changes once imported,
 * so a second preview of it reads nothing from the database.
 */
export class RecentColumns {
  private readonly cache = new Map<number, CohortColumns>();

  constructor(
    private readonly kept = 4,
    private readonly load: typeof loadColumns = loadColumns,
  ) {}

  async get(databaseUrl: string, cohortNo: number, persons: number): Promise<CohortColumns> {
    let c = this.cache.get(cohortNo);
    if (c) {
      this.cache.delete(cohortNo);
      this.cache.set(cohortNo, c);
      return c;
    }
    c = await this.load(databaseUrl, cohortNo, persons);
    this.cache.set(cohortNo, c);
    while (this.cache.size > this.kept) this.cache.delete(this.cache.keys().next().value!);
    return c;
  }
}

function unescape(s: string): string {
  return s.includes('\\') ? s.replace(/\\([\\tnr])/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r', '\\': '\\' })[c]!) : s;
}
