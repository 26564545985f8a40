import type { EntityManager } from '@mikro-orm/postgresql';
import type { CorrectionOf } from '../../../policy-schemas/notice/index.js';

/** The published notice a version corrects (its number, title and issue date), or null. */
export async function correctionOf(em: EntityManager, v: { id: string }): Promise<CorrectionOf | null> {
  const [row] = (await em.execute(
    `select c.correction_kind as kind, o.document_number, o.document->'metadata'->>'title' as title, to_char(o.issued_on, 'YYYY-MM-DD') as issued_on
       from policy_version c join policy_version o on o.id = c.corrects_id where c.id = ?`,
    [v.id],
  )) as { kind: 'amendment' | 'errata'; document_number: string; title: string; issued_on: string }[];
  return row ? { kind: row.kind, documentNumber: row.document_number, title: row.title, issuedOn: row.issued_on } : null;
}
