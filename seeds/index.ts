import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../api/paths.js';

/** seeds/ of the project, whether this module runs from its source or from the build in .build/seeds. */
const here = join(projectRoot(import.meta.url), 'seeds');

/** The five source notices, encoded. Order: as in shared/seeds. */
export const SEEDS = [
  { file: 'shishi-2024.json', source: '000_b2f285e9b2c84a2c.txt' },
  { file: 'shishi-2025.json', source: '001_4ad309073240ac14.txt' },
  { file: 'lingyuan-2022.json', source: '002_a4a0dc1b4ec1bbb0.txt' },
  { file: 'meishan-2024.json', source: '003_d29600652117a692.txt' },
  { file: 'wuhe-2024.json', source: '004_eed7a0ad29b0fb7e.txt' },
] as const;

export function seedFiles() {
  return SEEDS.map((s) => ({ ...s, path: join(here, s.file) }));
}

export function readSeed(file: string): unknown {
  return JSON.parse(readFileSync(join(here, file), 'utf8'));
}

export interface JurisdictionSeed {
  name: string;
  code: string | null;
  level: 'province' | 'prefecture' | 'county' | 'township';
  parent: string | null;
  note?: string;
}

export function readJurisdictions(): JurisdictionSeed[] {
  return JSON.parse(readFileSync(join(here, 'jurisdictions.json'), 'utf8')) as JurisdictionSeed[];
}
