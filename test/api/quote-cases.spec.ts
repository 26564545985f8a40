import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/api.js';

/**
 * Tests as data: every file in test/quote-cases/ is a table of cases for one notice, each with its
 * input, the expected answer worked out from the notice, and the arithmetic (`why`). One harness runs
 * them all through `quote` over HTTP against the seeded database.
 */
interface Case {
  name: string;
  input: Record<string, unknown>;
  expect?: {
    individualFee?: string;
    surcharge?: string;
    amountDue?: string;
    subsidies?: { category: string; amount: string; fundSource?: string; agency?: string }[];
    window?: string;
    benefitStart?: string | null;
    benefitEnd?: string | null;
    coversCoverageYear?: boolean;
    waitingKind?: string;
    appliedGroups?: string[];
    ignoredCategories?: string[];
    feeLines?: { coverageYear: number; amount: string }[];
    retroactive?: boolean;
    /** What the answer assumed, as `FACT` or `FACT:category` (QuoteAssumption.fact and .category). */
    assumptions?: string[];
  };
  error?: { field: string; message?: string };
  /** Also ask `refund` for the same person and payment, for this reason and event date. */
  refund?: { reason: string; eventDate: string };
  expectRefund?: { refundable: boolean; amount?: string | null; clause?: string | null; reason?: string };
  why: string;
}
interface Table {
  jurisdiction: string;
  year: number;
  source: string;
  cases: Case[];
}

const dir = new URL('../quote-cases/', import.meta.url);
const tables = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ file: f, table: JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Table }));

const QUERY = `query($input: QuoteInput!) { quote(input: $input) {
  individualFee surcharge amountDue
  subsidies { category { code } amount fundSource agency }
  window { code } benefitStart benefitEnd coversCoverageYear waitingKind appliedGroups retroactive
  ignoredCategories { code } feeLines { coverageYear amount } assumptions { fact category }
} }`;
const REFUND = `query($input: RefundInput!) { refund(input: $input) { refundable amount clause reason } }`;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

describe.each(tables)('$file', ({ table }) => {
  it('has cases, each with its arithmetic', () => {
    expect(table.cases.length).toBeGreaterThan(0);
    for (const c of table.cases) expect(c.why, c.name).toMatch(/\S/);
  });

  it.each(table.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const r = await api.gql(QUERY, { input: { jurisdiction: table.jurisdiction, year: table.year, ...c.input } });
    if (c.error) {
      expect(r.data?.quote ?? null, 'expected an error').toBeNull();
      expect(r.errors?.[0]?.extensions?.field).toBe(c.error.field);
      if (c.error.message) expect(r.errors![0]!.message).toContain(c.error.message);
      return;
    }
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const q = r.data.quote;
    const e = c.expect ?? {};
    const got: Record<string, unknown> = {};
    const want: Record<string, unknown> = {};
    const cmp = (key: string, value: unknown, expected: unknown) => {
      if (expected === undefined) return;
      got[key] = value;
      want[key] = expected;
    };
    cmp('individualFee', q.individualFee, e.individualFee);
    cmp('surcharge', q.surcharge, e.surcharge);
    cmp('amountDue', q.amountDue, e.amountDue);
    cmp('window', q.window.code, e.window);
    cmp('benefitStart', q.benefitStart, e.benefitStart);
    cmp('benefitEnd', q.benefitEnd, e.benefitEnd);
    cmp('coversCoverageYear', q.coversCoverageYear, e.coversCoverageYear);
    cmp('waitingKind', q.waitingKind, e.waitingKind);
    cmp('retroactive', q.retroactive, e.retroactive);
    cmp('appliedGroups', q.appliedGroups, e.appliedGroups);
    cmp('ignoredCategories', q.ignoredCategories.map((x: any) => x.code), e.ignoredCategories);
    cmp('feeLines', q.feeLines, e.feeLines);
    cmp('assumptions', q.assumptions.map((a: any) => (a.category ? `${a.fact}:${a.category}` : a.fact)), e.assumptions);
    if (e.subsidies)
      cmp(
        'subsidies',
        q.subsidies.map((s: any, i: number) => ({
          category: s.category.code,
          amount: s.amount,
          ...(e.subsidies![i]?.fundSource !== undefined ? { fundSource: s.fundSource } : {}),
          ...(e.subsidies![i]?.agency !== undefined ? { agency: s.agency } : {}),
        })),
        e.subsidies,
      );
    expect(got, c.why).toEqual(want);
    if (c.refund) {
      const { eventDate: _e, ...input } = c.input as Record<string, unknown>;
      const r = await api.gql(REFUND, { input: { jurisdiction: table.jurisdiction, year: table.year, ...input, ...c.refund } });
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      const want = c.expectRefund!;
      const gotRefund = Object.fromEntries(Object.keys(want).map((k) => [k, k === 'reason' ? r.data.refund.reason.slice(0, want.reason!.length) : r.data.refund[k]]));
      expect(gotRefund, c.why).toEqual(want);
    }
  });
});
