/**
 * Prints 2,000 quotes (a fixed pseudo-random sample of people of the five notices) as JSON lines,
 * preceded by the timezone the process runs in. The timezone test (api/engine/quote.property.spec.ts)
 * runs it under two TZ and compares.
 */
import fc from 'fast-check';
import { quote, QuoteError } from '../../api/engine/index.js';
import { policyAndRequest } from './arbitrary.js';

console.log(`tz ${Intl.DateTimeFormat().resolvedOptions().timeZone}`);
for (const { policy, request } of fc.sample(policyAndRequest, { numRuns: 2000, seed: 20261123 })) {
  try {
    console.log(JSON.stringify(quote(policy, request)));
  } catch (e) {
    if (!(e instanceof QuoteError)) throw e;
    console.log(JSON.stringify({ error: e.message }));
  }
}
