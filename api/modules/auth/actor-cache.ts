import { database, unavailableError } from '../../db/availability.js';
import { sha256 } from '../user/password.js';
import type { Actor } from './actor.js';

/**
 * Who sent a token or API key, as last looked up: used only while PostgreSQL is away, so that an
 * integrator identified in the last minutes keeps being answered from the policy cache (quotes need
 * no database). While the database answers, every request is looked up afresh (a revoked key is
 * refused at once). A caller not seen recently gets SERVICE_UNAVAILABLE: nobody can check it.
 */
export class ActorCache {
  private readonly seen = new Map<string, { actor: Actor; at: number }>();

  constructor(
    private readonly maxAgeMs = 15 * 60_000,
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async resolve(bearer: string, lookup: () => Promise<Actor | null>): Promise<Actor | null> {
    const key = sha256(bearer);
    try {
      const actor = await lookup();
      this.seen.delete(key);
      if (actor) {
        this.seen.set(key, { actor, at: this.now() });
        if (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value!);
      }
      return actor;
    } catch (e) {
      if (!database.down(e)) throw e;
      const hit = this.seen.get(key);
      if (hit && this.now() - hit.at < this.maxAgeMs) return hit.actor;
      throw unavailableError();
    }
  }
}
