/**
 * Validate seed files and print every refused field and every warning.
 *   npx tsx seeds/check.ts [seeds/shishi-2025.json …]   (no argument: all seeds)
 * Exits 1 when a file is invalid.
 */
import { readFileSync } from 'node:fs';
import { validatePolicyDocument } from '../policy-schemas/index.js';
import { seedFiles } from './index.js';

const files = process.argv.slice(2);
const targets = files.length ? files : seedFiles().map((s) => s.path);
let failed = false;
for (const f of targets) {
  const result = validatePolicyDocument(JSON.parse(readFileSync(f, 'utf8')));
  if (!result.ok) {
    failed = true;
    console.log(`✖ ${f}`);
    for (const i of result.issues) console.log(`    ${i.path}: ${i.message}`);
  } else {
    const d = result.document;
    console.log(`✔ ${f}: ${d.jurisdiction.name} ${d.coverageYear}, ${d.categories.length} categories, ${d.windows.length} windows, ${d.specialGroups.length} special groups`);
    for (const w of result.warnings) console.log(`    warning ${w.path}: ${w.message}`);
  }
}
process.exit(failed ? 1 : 0);
