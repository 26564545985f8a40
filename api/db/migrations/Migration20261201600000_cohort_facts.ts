import { Migration } from '@mikro-orm/migrations';

/**
 * The facts a cohort's CSV may carry in optional columns (certification dates, disability, household
 * role, sex, marital status, residence, prior insurance in the year; api/modules/cohort/cohort-facts.ts)
 * as one JSON text per person, null when the row has none. Added to the partitioned table, so every
 * cohort's partition has it (existing rows: null, as an import without fact columns writes).
 */
export class Migration20261201600000_cohort_facts extends Migration {
  override name = 'Migration20261201600000_cohort_facts';

  override up(): void {
    this.addSql(`alter table cohort_person add column facts text null check (facts is null or left(facts, 1) = '{');`);
  }

  override down(): void {
    this.addSql('alter table cohort_person drop column if exists facts;');
  }
}
