import type { EntityManager } from '@mikro-orm/postgresql';
import type { PolicyDocument } from '../../../policy-schemas/index.js';
import { timestamp } from '../../db/sql.js';
import type { CohortVocabulary } from './cohort-import.js';

export interface CohortRow {
  id: string;
  /** The number its person rows carry. */
  no: number;
  jurisdictionId: number;
  name: string;
  status: string;
  persons: number;
  units: string[];
  createdAt: Date;
}

/**
 * The units of a jurisdiction's cohorts: the rows of its quota table; without one, its townships from
 * the division reference (`townships`, in code order) and the jurisdiction itself (a person not placed
 * in a township); with neither, the jurisdiction alone.
 */
export function unitsOf(doc: PolicyDocument, townships: readonly string[] = []): string[] {
  const table = doc.quotaTables[0];
  if (table) return table.rows.map((r) => r.unit);
  return [...townships.filter((t) => t !== doc.jurisdiction.name), doc.jurisdiction.name];
}

export class CohortService {
  constructor(private readonly em: EntityManager) {}

  /** Units (see unitsOf) and codes from the newest published policy of the jurisdiction. */
  async vocabulary(jurisdictionId: number, jurisdictionName: string): Promise<CohortVocabulary | null> {
    const [row] = await this.em.execute(
      `select document, year from policy_version where jurisdiction_id = ? and status = 'published' order by year desc limit 1`,
      [jurisdictionId],
    );
    if (!row) return null;
    const doc = row.document as PolicyDocument;
    const townships = (await this.em.execute(`select name from jurisdiction where parent_id = ? order by code nulls last, name`, [jurisdictionId])) as { name: string }[];
    return {
      jurisdictionId,
      jurisdictionName,
      year: row.year as number,
      units: unitsOf(
        doc,
        townships.map((t) => t.name),
      ),
      categories: new Set(doc.categories.flatMap((c) => [c.code, ...c.officialCodes])),
      groups: new Set(doc.specialGroups.map((g) => g.code)),
    };
  }

  async list(jurisdictionIds?: number[]): Promise<CohortRow[]> {
    const rows = await this.em.execute(`select * from cohort where status = 'ready' order by created_at desc`);
    return rows.map(toRow).filter((c) => !jurisdictionIds || jurisdictionIds.includes(c.jurisdictionId));
  }

  async get(id: string): Promise<CohortRow | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [r] = await this.em.execute(`select * from cohort where id = ? and status = 'ready'`, [id]);
    return r ? toRow(r) : null;
  }

  async countsByUnit(no: number): Promise<{ key: string; persons: number }[]> {
    const rows = await this.em.execute(`select unit as key, count(*)::int as persons from cohort_person where cohort_no = ? group by unit order by unit`, [no]);
    return rows as { key: string; persons: number }[];
  }

  async countsByCategory(no: number): Promise<{ key: string; persons: number }[]> {
    const rows = await this.em.execute(
      `select c as key, count(*)::int as persons from cohort_person, unnest(string_to_array(nullif(categories, ''), ';')) c where cohort_no = ? group by c order by c`,
      [no],
    );
    return rows as { key: string; persons: number }[];
  }

  async personIds(no: number, rowNos: number[]): Promise<Map<number, string>> {
    if (!rowNos.length) return new Map();
    const rows = await this.em.execute(`select row_no, person_id from cohort_person where cohort_no = ? and row_no = any(?::int[])`, [no, `{${rowNos.join(',')}}`]);
    return new Map(rows.map((r: any) => [r.row_no as number, r.person_id as string]));
  }
}

function toRow(r: any): CohortRow {
  return { id: r.id, no: r.no, jurisdictionId: r.jurisdiction_id, name: r.name, status: r.status, persons: r.persons, units: r.units, createdAt: timestamp(r.created_at)! };
}
