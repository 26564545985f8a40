/**
 * The preview worker: runs impact previews off the request thread, one at a time. It keeps the
 * columns of the last cohorts it read (cohorts never change), so a second preview of a cohort reads
 * nothing from the database and receives only two documents.
 */
import { parentPort } from 'node:worker_threads';
import type { PolicyDocument } from '../../policy-schemas/index.js';
import { loadColumns } from '../modules/cohort/cohort-columns.js';
import { compilePolicy } from './compile.js';
import { fromDay } from './dates.js';
import { impact, NO_DATE, type CohortColumns, type SideResult } from './impact.js';

export interface RunMessage {
  type: 'run';
  jobId: string;
  databaseUrl: string;
  cohortNo: number;
  persons: number;
  draft: PolicyDocument;
  baseline: PolicyDocument;
}

const CACHED = 4;
const cache = new Map<number, CohortColumns>();

async function columns(m: RunMessage): Promise<CohortColumns> {
  let c = cache.get(m.cohortNo);
  if (c) {
    cache.delete(m.cohortNo);
    cache.set(m.cohortNo, c);
    return c;
  }
  c = await loadColumns(m.databaseUrl, m.cohortNo, m.persons);
  cache.set(m.cohortNo, c);
  while (cache.size > CACHED) cache.delete(cache.keys().next().value!);
  return c;
}

/** What crosses back to the main thread: totals and the few persons shown, not the per-person arrays. */
function portable(s: SideResult) {
  const { outcomeOf: _o, outcomes: _x, ...rest } = s;
  return rest;
}

parentPort!.on('message', async (m: RunMessage) => {
  try {
    const started = Date.now();
    const c = await columns(m);
    const loadedMs = Date.now() - started;
    let last = 0;
    const r = impact(compilePolicy(m.draft), compilePolicy(m.baseline), c, (done) => {
      if (done - last >= 0.05 || done === 1) {
        last = done;
        parentPort!.postMessage({ type: 'progress', jobId: m.jobId, done });
      }
    });
    const person = (p: { index: number; baselineDue: number; draftDue: number }) => ({
      rowNo: c.rowNo[p.index]!,
      unit: c.units[c.unit[p.index]!]!,
      categories: c.catSets[c.catSet[p.index]!]!,
      groups: c.groupSets[c.groupSet[p.index]!]!,
      birthDate: c.birth[p.index] === NO_DATE ? null : fromDay(c.birth[p.index]!),
      paymentDate: c.pay[p.index] === NO_DATE ? null : fromDay(c.pay[p.index]!),
      baselineDue: p.baselineDue,
      draftDue: p.draftDue,
    });
    parentPort!.postMessage({
      type: 'result',
      jobId: m.jobId,
      loadedMs,
      result: {
        persons: r.persons,
        units: c.units,
        draft: portable(r.draft),
        baseline: portable(r.baseline),
        paysMore: r.paysMore,
        paysLess: r.paysLess,
        paysSame: r.paysSame,
        notComparable: r.notComparable,
        largestChanges: r.largestChanges.map(person),
        examples: r.examples.map(person),
      },
    });
  } catch (e) {
    parentPort!.postMessage({ type: 'error', jobId: m.jobId, message: (e as Error).message });
  }
});
