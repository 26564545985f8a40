import type { EntityManager } from '@mikro-orm/postgresql';
import { readJurisdictions, readSeed, SEEDS } from '../../seeds/index.js';
import { Jurisdiction, type IJurisdiction } from '../modules/jurisdiction/jurisdiction.entity.js';
import { PolicyVersion } from '../modules/policy/policy-version.entity.js';
import { PolicyService } from '../modules/policy/policy.service.js';

/**
 * Load the five notices, once: only when the store holds no policy version. Their jurisdictions are
 * entries of the national division list (loaded by a migration); seeds/jurisdictions.json names them
 * with their codes and parents, and each is checked against the store (a row is created only for a
 * jurisdiction the reference lacks). All in one transaction, so a refused seed leaves nothing behind.
 * Returns the number of versions loaded.
 */
export async function loadSeedsIfEmpty(rootEm: EntityManager): Promise<number> {
  const em = rootEm.fork();
  if ((await em.count(PolicyVersion, {})) > 0) return 0;
  return em.transactional(async (tx) => {
    const byName = new Map<string, IJurisdiction>();
    for (const j of readJurisdictions()) {
      const parent = j.parent ? byName.get(j.parent) : null;
      if (j.parent && !parent) throw new Error(`seeds/jurisdictions.json: ${j.name} names the parent ${j.parent}, listed after it or missing`);
      const found = j.code
        ? await tx.findOne(Jurisdiction, { code: j.code })
        : await tx.findOne(Jurisdiction, { name: j.name, level: j.level, parent: parent ? parent.id : null });
      if (found && (found.name !== j.name || found.level !== j.level || (found.parent?.id ?? null) !== (parent?.id ?? null)))
        throw new Error(`seeds/jurisdictions.json: ${j.name} (${j.code}) is ${found.name}, a ${found.level}, in the store`);
      const row = found ?? tx.create(Jurisdiction, { name: j.name, code: j.code, level: j.level, parent, note: j.note ?? null });
      byName.set(j.name, row);
      // one at a time: a batched insert would write the parent link in a second statement, which the
      // "only provinces have no parent" check refuses
      await tx.flush();
    }
    const service = new PolicyService(tx);
    for (const seed of SEEDS) {
      const doc = readSeed(seed.file) as { jurisdiction?: { name?: string } };
      const j = byName.get(doc.jurisdiction?.name ?? '');
      if (!j) throw new Error(`seeds/${seed.file}: jurisdiction ${doc.jurisdiction?.name} is not in seeds/jurisdictions.json`);
      try {
        // a notice takes effect when issued (自发布之日起执行) unless it names a date
        const m = (doc as { metadata?: { issuedOn?: string; validity?: { from?: string } | null } }).metadata;
        const from = m?.validity?.from && m.validity.from !== 'on-issue' ? m.validity.from : m?.issuedOn;
        await service.create({ jurisdictionId: j.id, document: doc, status: 'published', source: `seed:${seed.file}`, effectiveFrom: from ?? null });
      } catch (e) {
        throw new Error(`seeds/${seed.file} was refused: ${(e as Error).message}`);
      }
    }
    return SEEDS.length;
  });
}
