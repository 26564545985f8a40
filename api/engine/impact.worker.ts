/**
 * Runs an impact preview off the request thread. Receives the two documents and the cohort's columns,
 * compiles, evaluates, and posts progress and the result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PolicyDocument } from '../../policy-schemas/index.js';
import { compilePolicy } from './compile.js';
import { impact, type CohortColumns } from './impact.js';

const { draft, baseline, columns } = workerData as { draft: PolicyDocument; baseline: PolicyDocument; columns: CohortColumns };
let last = 0;
const result = impact(compilePolicy(draft), compilePolicy(baseline), columns, (done) => {
  if (done - last >= 0.05 || done === 1) {
    last = done;
    parentPort!.postMessage({ type: 'progress', done });
  }
});
parentPort!.postMessage({ type: 'result', result });
