import { Migration } from '@mikro-orm/migrations';
import { grantToAppRole } from './parts.js';

/**
 * What review items need from the database:
 * - no two published (or superseded: they were published) versions with one issuer and one document
 *   number (文号): the issuer is the first of `metadata.issuers`, whose number it is. A clone keeps its
 *   source's number until an officer gives it its own; the API refuses to submit it meanwhile, and this
 *   index refuses to publish it whatever the API does;
 * - `review_acknowledgement`: who acknowledged which review item of a draft, when, on which value
 *   (its hash: when the value changes afterwards the item opens again). Every acknowledgement is in the
 *   audit log as well.
 */
export class Migration20261201500100_review_items extends Migration {
  override name = 'Migration20261201500100_review_items';

  override up(): void {
    this.addSql(`
      create unique index policy_version_published_number on policy_version
        ((document -> 'metadata' -> 'issuers' ->> 0), document_number) where status in ('published', 'superseded');`);
    this.addSql(`
      create table review_acknowledgement (
        policy_version_id uuid not null references policy_version (id) on delete cascade,
        key text not null check (length(key) between 1 and 400),
        value_hash char(64) not null check (value_hash ~ '^[0-9a-f]{64}$'),
        acknowledged_by int not null references app_user (id),
        acknowledged_at timestamptz not null default now(),
        comment text null,
        primary key (policy_version_id, key)
      );`);
    this.addSql(grantToAppRole('review_acknowledgement'));
  }

  override down(): void {
    this.addSql('drop table if exists review_acknowledgement;');
    this.addSql('drop index if exists policy_version_published_number;');
  }
}
