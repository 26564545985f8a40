/**
 * The preview worker: runs impact previews off the request thread, one at a time (started and fed by
 * preview.service.ts). It keeps the columns of the last cohorts it read (cohorts never change), so a
 * second preview of a cohort reads nothing from the database and receives only two documents.
 */
import { constants, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { PolicyDocument } from '../../../policy-schemas/index.js';
import { compilePolicy, impact, NO_DATE, type PersonChange, type SideResult } from '../../engine/index.js';
import { fromDay } from '../../engine/dates.js';
import { RecentColumns } from './cohort-columns.js';
import type { PortableImpact, PortablePerson } from './preview.service.js';

export interface RunMessage {
  type: 'run';
  jobId: string;
  databaseUrl: string;
  cohortNo: number;
  persons: number;
  draft: PolicyDocument;
  baseline: PolicyDocument;
}

const columns = new RecentColumns(4);

// Quotes first: on Linux a nice value belongs to a thread, so this lowers only the preview's thread,
// and the process's request thread wins the CPU from it whenever both want a core (a preview takes
// longer under load; quotes keep their latency). Measured with `npm run bench` (part `load`).
setPriority(constants.priority.PRIORITY_LOW);

/** What crosses back to the main thread: totals and the few persons shown, not the per-person arrays. */
function portable(s: SideResult): PortableImpact['draft'] {
  const { outcomeOf: _o, outcomes: _x, ...rest } = s;
  return rest;
}

parentPort!.on('message', async (m: RunMessage) => {
  try {
    const started = Date.now();
    const c = await columns.get(m.databaseUrl, m.cohortNo, m.persons);
    const loadedMs = Date.now() - started;
    let last = 0;
    const r = impact(compilePolicy(m.draft), compilePolicy(m.baseline), c, (done) => {
      if (done - last >= 0.05 || done === 1) {
        last = done;
        parentPort!.postMessage({ type: 'progress', jobId: m.jobId, done });
      }
    });
    const person = (p: PersonChange): PortablePerson => ({
      rowNo: c.rowNo[p.index]!,
      unit: c.units[c.unit[p.index]!]!,
      categories: c.catSets[c.catSet[p.index]!]!,
      groups: c.groupSets[c.groupSet[p.index]!]!,
      birthDate: c.birth[p.index] === NO_DATE ? null : fromDay(c.birth[p.index]!),
      paymentDate: c.pay[p.index] === NO_DATE ? null : fromDay(c.pay[p.index]!),
      baselinePaymentDate: fromDay(p.baselinePaymentDay),
      draftPaymentDate: fromDay(p.draftPaymentDay),
      baselineDue: p.baselineDue,
      draftDue: p.draftDue,
    });
    const { draft, baseline, moved, largestChanges, changeGroups, examples: _examples, ...counts } = r;
    const result: PortableImpact = {
      ...counts,
      units: c.units,
      draft: portable(draft),
      baseline: portable(baseline),
      moved: moved && portable(moved),
      largestChanges: largestChanges.map(person),
      changeGroups: changeGroups.map((g) => ({ ...g, example: person(g.example) })),
    };
    parentPort!.postMessage({ type: 'result', jobId: m.jobId, loadedMs, result });
  } catch (e) {
    parentPort!.postMessage({ type: 'error', jobId: m.jobId, message: (e as Error).message });
  }
});
