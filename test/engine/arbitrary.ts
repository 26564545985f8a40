import fc from 'fast-check';
import { fromDay } from '../../api/engine/dates.js';
import type { CompiledPolicy, QuoteRequest } from '../../api/engine/index.js';
import { SEEDED } from './seeded.js';

/** A policy and a person paying on some day around its windows, in any combination of categories and groups. */
export const policyAndRequest: fc.Arbitrary<{ policy: CompiledPolicy; request: QuoteRequest }> = fc
  .integer({ min: 0, max: SEEDED.length - 1 })
  .chain((i) => {
    const p = SEEDED[i]!;
    const codes = p.categories.map((c) => c.doc.code);
    const groups = p.groups.map((g) => g.doc.code);
    return fc.record({
      policy: fc.constant(p),
      request: fc
        .record({
          pay: fc.integer({ min: p.firstPaymentDay - 5, max: p.coverageEnd + 2 }),
          birthBack: fc.option(fc.integer({ min: 0, max: 100 * 366 }), { nil: undefined }),
          eventBack: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
          categories: fc.subarray(codes, { maxLength: 3 }),
          groups: fc.subarray(groups, { maxLength: 2 }),
        })
        .map(({ pay, birthBack, eventBack, categories, groups }) => ({
          paymentDate: fromDay(pay),
          birthDate: birthBack === undefined ? null : fromDay(pay - birthBack),
          eventDate: eventBack === undefined ? null : fromDay(pay - eventBack),
          categories,
          groups,
        })),
    });
  });
