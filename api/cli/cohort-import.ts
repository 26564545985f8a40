/**
 * npm run cohort:import -- FILE --jurisdiction 五河县 --name 2024全县
 * Imports a person-level CSV as a cohort, with a progress bar. Uses DATABASE_URL, or the embedded
 * PostgreSQL of `npm start` (started for the import if it is not running).
 */
import 'reflect-metadata';
import { createReadStream, statSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded.js';
import { readSecrets } from '../db/secrets.js';
import { migrate, openOrm } from '../db/orm.js';
import { loadSeedsIfEmpty } from '../db/seed.js';
import { CohortImportError, importCohort } from '../modules/cohort/cohort-import.js';
import { CohortService } from '../modules/cohort/cohort.service.js';
import { JurisdictionIndex } from '../modules/jurisdiction/jurisdiction.service.js';
import { die, parseArgs } from './args.js';
import pg from 'pg';

const { flags, positional } = parseArgs(process.argv.slice(2));
const file = positional[0] ?? die('usage: npm run cohort:import -- FILE --jurisdiction NAME --name COHORT');
const jurisdiction = flags.get('jurisdiction') ?? die('--jurisdiction is required (code or Chinese name)');
const name = flags.get('name') ?? die('--name is required');
const size = statSync(file).size;
const config = loadConfig();

let embedded: EmbeddedDatabase | undefined;
let url = config.databaseUrl;
if (!url) {
  // the superuser's password of npm start's embedded PostgreSQL is in its data folder (mode 0600)
  const secrets = readSecrets(config.dataDir);
  const running = secrets && `postgresql://postgres:${encodeURIComponent(secrets.superuserPassword)}@127.0.0.1:${config.embeddedPgPort}/yibao`;
  const probe = running ? new pg.Client({ connectionString: running }) : null;
  if (probe && (await probe.connect().then(() => true, () => false))) {
    await probe.end();
    url = running!;
  } else {
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, () => {});
    url = embedded.url;
  }
}
const orm = await openOrm(url);
let status = 0;
try {
  await migrate(orm);
  await loadSeedsIfEmpty(orm.em);
  const em = orm.em.fork();
  const j = (await JurisdictionIndex.load(em)).find(jurisdiction) ?? die(`no jurisdiction has the code or name "${jurisdiction}"`);
  const vocabulary = (await new CohortService(em).vocabulary(j.id, j.name)) ?? die(`${j.name} has no published policy`);
  const started = Date.now();
  const bar = (rows: number, bytes: number) => {
    const share = size ? Math.min(1, bytes / size) : 1;
    const width = 30;
    const rate = Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000));
    process.stderr.write(`\r[${'#'.repeat(Math.round(share * width)).padEnd(width, '.')}] ${(share * 100).toFixed(0).padStart(3)}%  ${rows.toLocaleString('en')} rows  ${rate.toLocaleString('en')} rows/s `);
  };
  const r = await importCohort({ databaseUrl: url, vocabulary, name, createdBy: null, input: createReadStream(file, { highWaterMark: 1 << 20 }), onProgress: bar });
  process.stderr.write('\n');
  console.log(`imported ${r.persons.toLocaleString('en')} persons as cohort "${name}" of ${j.name} (${r.id}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  process.stderr.write('\n');
  if (e instanceof CohortImportError) {
    console.error(`refused, nothing imported: ${e.totalErrors} error(s)`);
    for (const x of e.errors.slice(0, 50)) console.error(`  line ${x.line} ${x.field}: ${x.message}`);
    status = 1;
  } else throw e;
} finally {
  await orm.close();
  await embedded?.stop();
}
process.exit(status);
