/**
 * The preview worker: a child process of an API process that runs impact previews, one at a time
 * (started and fed by preview.service.ts over its IPC channel). It keeps the columns of the last cohorts
 * it read (cohorts never change), so a second preview of a cohort reads nothing from the database and
 * receives only two documents. It ends with its API process (the channel closes).
 */
import { readdirSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
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

// Quotes first: the whole process at the lowest priority, so that the API's request threads win the CPU
// from it whenever both want a core (a preview takes longer under load; quotes keep their latency).
// On Linux a nice value belongs to a thread, and V8's garbage-collector helpers start before this line:
// every thread of the process is lowered, not just this one (in a worker thread of the API process those
// helpers, shared with the request thread, ran the preview's collections at full priority). Threads
// started later inherit it. Measured with `npm run bench` (part `load`).
lowerPriority();

function lowerPriority() {
  let threads: number[] = [];
  try {
    threads = readdirSync('/proc/self/task').map(Number);
  } catch {
    // not Linux: the process's priority is the main thread's
  }
  for (const tid of threads.length ? threads : [0]) {
    try {
      setPriority(tid, constants.priority.PRIORITY_LOW);
    } catch {
      // a thread gone meanwhile
    }
  }
}

// its API process gone (stopped, crashed or killed), the preview has no one to answer
process.on('disconnect', () => process.exit(0));
const send = (m: unknown) => process.send?.(m);

/** What crosses back to the main thread: totals and the few persons shown, not the per-person arrays. */
function portable(s: SideResult): PortableImpact['draft'] {
  const { outcomeOf: _o, outcomes: _x, ...rest } = s;
  return rest;
}

process.on('message', async (m: RunMessage) => {
  try {
    const started = Date.now();
    const c = await columns.get(m.databaseUrl, m.cohortNo, m.persons);
    const loadedMs = Date.now() - started;
    let last = 0;
    const r = impact(compilePolicy(m.draft), compilePolicy(m.baseline), c, (done) => {
      if (done - last >= 0.05 || done === 1) {
        last = done;
        send({ type: 'progress', jobId: m.jobId, done });
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
    send({ type: 'result', jobId: m.jobId, loadedMs, result });
  } catch (e) {
    send({ type: 'error', jobId: m.jobId, message: (e as Error).message });
  }
});
