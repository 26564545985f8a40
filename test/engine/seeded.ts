import { validatePolicyDocument, type PolicyDocument } from '../../policy-schemas/index.js';
import { readSeed, SEEDS } from '../../seeds/index.js';
import { compilePolicy, type CompiledPolicy } from '../../api/engine/index.js';

/*
 * The five notices as the engine's tests see them: the seed files read and validated once, here, so
 * that no engine module reads a file. Engine specs take their policies from this module only.
 */

export type SeedFile = (typeof SEEDS)[number]['file'];

const documents = new Map<string, PolicyDocument>();

/** A seed's document, validated (a fresh copy each call: a test may change it). */
export function seedDocument(file: SeedFile): PolicyDocument {
  let doc = documents.get(file);
  if (!doc) {
    const r = validatePolicyDocument(readSeed(file));
    if (!r.ok) throw new Error(`${file} is invalid`);
    documents.set(file, (doc = r.document));
  }
  return structuredClone(doc);
}

/** A seed's policy, compiled. */
export function seededPolicy(file: SeedFile): CompiledPolicy {
  return compilePolicy(seedDocument(file));
}

/** The five seeded policies, compiled, in the order of SEEDS: the ground on which property tests draw people. */
export const SEEDED: CompiledPolicy[] = SEEDS.map((s) => seededPolicy(s.file));
