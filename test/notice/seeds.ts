import { PolicyDocument } from '../../policy-schemas/index.js';
import { readSeed, SEEDS } from '../../seeds/index.js';

/** The five seed documents by name (shishi-2025 …), parsed. */
export const SEED_NAMES = SEEDS.map((s) => s.file.replace(/\.json$/, '')) as readonly string[];

export function loadSeed(name: string): PolicyDocument {
  return PolicyDocument.parse(readSeed(`${name}.json`));
}
