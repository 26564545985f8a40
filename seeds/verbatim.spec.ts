import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePolicyDocument } from '../policy-schemas/index.js';
import { readSeed, SEEDS } from './index.js';

/**
 * Facts that must be copied exactly from the notices: document numbers, every roster name and post,
 * every quota and activation table row. Each is looked for in the source text (../shared/seeds, beside
 * the repository, as in CI), with the extraction's spaces and line breaks removed.
 */
const sources = new URL('../../shared/seeds/', import.meta.url);
const available = existsSync(sources);

describe.skipIf(!available)('seeds carry the notices’ facts verbatim', () => {
  it.each(SEEDS.map((s) => [s.file, s.source] as const))('%s', (file, source) => {
    const text = readFileSync(new URL(source, sources), 'utf8').replace(/\s+/g, '');
    const r = validatePolicyDocument(readSeed(file));
    if (!r.ok) throw new Error('invalid seed');
    const d = r.document;
    const missing: string[] = [];
    const need = (what: string, value: string | number) => {
      if (!text.includes(String(value).replace(/\s+/g, ''))) missing.push(`${what}: ${value}`);
    };
    need('document number', d.metadata.documentNumber);
    for (const m of d.leadGroup?.members ?? []) {
      need('roster name', m.name);
      need(`post of ${m.name}`, m.post);
    }
    for (const t of d.quotaTables)
      for (const row of t.rows) {
        need('quota unit', row.unit);
        need(`${row.unit} population`, row.population);
        need(`${row.unit} target`, row.target);
        if (row.residencePermits !== null) need(`${row.unit} residence permits`, row.residencePermits);
      }
    for (const t of d.activationTables)
      for (const row of t.rows) {
        need('activation unit', row.unit);
        for (const n of [row.insured, row.activated, row.notActivated, row.ratePrinted, row.targetActivated, row.gap]) need(`${row.unit}`, n);
      }
    expect(missing).toEqual([]);
  });
});
