import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policyAndRequest } from '../../test/engine/arbitrary.js';
import { quote, QuoteError, type QuoteResult } from './index.js';

/** Run a quote; a refusal (QuoteError) is a valid answer, anything else thrown is a bug. */
function attempt(...args: Parameters<typeof quote>): QuoteResult | QuoteError {
  try {
    return quote(...args);
  } catch (e) {
    if (e instanceof QuoteError) return e;
    throw e;
  }
}

const RUNS = 3000;

describe('quote properties, over random people of the five notices', () => {
  it('amountDue = individualFee + surcharge − subsidies, and is never negative', () => {
    fc.assert(
      fc.property(policyAndRequest, ({ policy, request }) => {
        const q = attempt(policy, request);
        if (q instanceof QuoteError) return;
        const subsidies = q.subsidies.reduce((a, s) => a + s.amountFen, 0);
        expect(q.amountDueFen).toBe(q.individualFeeFen + q.surchargeFen - subsidies);
        expect(q.subsidyTotalFen).toBe(subsidies);
        expect(q.amountDueFen).toBeGreaterThanOrEqual(0);
        for (const v of [q.amountDueFen, q.individualFeeFen, q.surchargeFen, subsidies]) expect(Number.isInteger(v)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('no subsidy exceeds the fee', () => {
    fc.assert(
      fc.property(policyAndRequest, ({ policy, request }) => {
        const q = attempt(policy, request);
        if (q instanceof QuoteError) return;
        for (const s of q.subsidies) {
          expect(s.amountFen).toBeGreaterThanOrEqual(0);
          expect(s.amountFen).toBeLessThanOrEqual(policy.feeFen);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('does not depend on the order of the categories and groups given', () => {
    fc.assert(
      fc.property(policyAndRequest, fc.integer(), ({ policy, request }, seed) => {
        const shuffle = <T>(xs: readonly T[] | null | undefined) => {
          const a = [...(xs ?? [])];
          let s = seed;
          for (let i = a.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (i + 1);
            [a[i], a[j]] = [a[j]!, a[i]!];
          }
          return a;
        };
        const a = attempt(policy, request);
        const b = attempt(policy, { ...request, categories: shuffle(request.categories), groups: shuffle(request.groups) });
        if (a instanceof QuoteError || b instanceof QuoteError) {
          expect(b instanceof QuoteError && a instanceof QuoteError ? b.field : b).toEqual(a instanceof QuoteError ? a.field : a);
          return;
        }
        expect({ ...b, trace: undefined }).toEqual({ ...a, trace: undefined });
      }),
      { numRuns: RUNS },
    );
  });

  it('benefits never start after they end, nor outside the coverage year unless a rule covers earlier', () => {
    fc.assert(
      fc.property(policyAndRequest, ({ policy, request }) => {
        const q = attempt(policy, request);
        if (q instanceof QuoteError || !q.coversCoverageYear) return;
        expect(q.benefitStart! <= q.benefitEnd!).toBe(true);
        expect(q.benefitEnd! <= `${policy.year}-12-31`).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('timezones', () => {
  it('answers are identical under TZ=Asia/Shanghai and TZ=America/Los_Angeles', () => {
    const probe = fileURLToPath(new URL('../../test/engine/tz-probe.ts', import.meta.url));
    const run = (tz: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', probe], { env: { ...process.env, TZ: tz }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const shanghai = run('Asia/Shanghai');
    const losAngeles = run('America/Los_Angeles');
    const lines = shanghai.trim().split('\n');
    expect(lines[0]).toBe('tz Asia/Shanghai');
    expect(losAngeles.trim().split('\n')[0]).toBe('tz America/Los_Angeles');
    expect(lines.length).toBeGreaterThan(1000);
    expect(losAngeles.split('\n').slice(1)).toEqual(shanghai.split('\n').slice(1));
  }, 60_000);
});
