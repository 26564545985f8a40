import { describe, expect, it } from 'vitest';
import { seedDocument, seededPolicy } from '../../../test/engine/seeded.js';
import { prepare, refusal } from '../../../test/engine/steps.js';
import { compilePolicy, type CompiledPolicy } from '../compile.js';
import type { QuoteRequest } from './person.js';
import { paymentWindow, refuseAfterCoverageYear } from './window.js';

/** The window a request falls in, and the trace line it writes; or the refusal. */
function windowFor(p: CompiledPolicy, req: QuoteRequest) {
  const { person, applying, trace } = prepare(p, req);
  refuseAfterCoverageYear(p, person);
  const before = trace.length;
  const { window: w } = paymentWindow(p, person, applying, trace);
  return { code: w.doc.code, line: trace.slice(before) };
}

describe('window: the period a payment falls in', () => {
  const shishi2025 = seededPolicy('shishi-2025.json');

  it('Shishi 2025 二（一）–（三）: central to 12-31, extended 01-01 – 02-28, back-payment from 03-01, each boundary on its own side', () => {
    const at = (paymentDate: string) => windowFor(shishi2025, { paymentDate }).code;
    expect(at('2024-09-01')).toBe('central');
    expect(at('2024-12-31')).toBe('central');
    expect(at('2025-01-01')).toBe('extended');
    expect(at('2025-02-28')).toBe('extended');
    expect(at('2025-03-01')).toBe('back-payment');
    expect(at('2025-12-31')).toBe('back-payment');
  });

  it('writes the window with its dates and clause', () => {
    expect(windowFor(shishi2025, { paymentDate: '2024-12-31' }).line).toEqual([
      { rule: 'window', clause: '二（一）', detail: '集中参保缴费期 2024-09-01 – 2024-12-31' },
    ]);
    expect(windowFor(shishi2025, { paymentDate: '2025-03-01' }).line).toEqual([
      { rule: 'window', clause: '二（三）', detail: '参保补缴期 2025-03-01 – 2025-12-31' },
    ]);
  });

  it('refuses a payment before the central window opens (2024-08-31) and after the coverage year (2026-01-01)', () => {
    expect(refusal(() => windowFor(shishi2025, { paymentDate: '2024-08-31' }))).toEqual({
      field: 'paymentDate',
      message: '(2024-08-31) is before payments open for 2025: 集中参保缴费期 opens on 2024-09-01',
    });
    expect(refusal(() => windowFor(shishi2025, { paymentDate: '2026-01-01' }))).toEqual({
      field: 'paymentDate',
      message: '(2026-01-01) is after coverage year 2025 ended (2025-12-31); no payment for 2025 is possible',
    });
  });

  it('Lingyuan 一（一）–（三）: registration from 09-01 takes no payment; payments from 10-10; no waiting to 03-10 (含), waiting from 03-11', () => {
    const lingyuan = seededPolicy('lingyuan-2022.json');
    const name = lingyuan.windows.find((w) => w.doc.code === 'registration')!.doc.name;
    const central = lingyuan.windows.find((w) => w.doc.code === 'central')!.doc.name;
    expect(refusal(() => windowFor(lingyuan, { paymentDate: '2021-10-09' }))).toEqual({
      field: 'paymentDate',
      message: `(2021-10-09) falls in ${name}, which takes registrations but no payments; payments open on 2021-10-10 (${central})`,
    });
    expect(windowFor(lingyuan, { paymentDate: '2021-10-10' }).code).toBe('central');
    expect(windowFor(lingyuan, { paymentDate: '2022-03-10' }).code).toBe('back-pay-no-wait');
    expect(windowFor(lingyuan, { paymentDate: '2022-03-11' }).code).toBe('back-pay-wait');
  });

  it('Wuhe 三（一）: from 2024-01-01 a window of a listed group comes first (migrant workers to 02-29, newborns), else 漏断保 for ordinary residents', () => {
    const wuhe = seededPolicy('wuhe-2024.json');
    expect(windowFor(wuhe, { paymentDate: '2024-02-29', groups: ['migrant-worker'] }).code).toBe('migrant-worker');
    expect(windowFor(wuhe, { paymentDate: '2024-03-01', groups: ['migrant-worker'] }).code).toBe('lou-duan-bao');
    expect(windowFor(wuhe, { paymentDate: '2024-03-01', groups: ['newborn'], birthDate: '2024-02-01' }).code).toBe('newborn');
    expect(windowFor(wuhe, { paymentDate: '2024-03-01', groups: ['veteran'] }).code).toBe('special-next-day');
    expect(windowFor(wuhe, { paymentDate: '2024-03-01' }).code).toBe('lou-duan-bao');
  });

  it('Wuhe without its 漏断保 window: on 2024-03-01 only the listed groups may enroll, and the refusal names them', () => {
    const doc = seedDocument('wuhe-2024.json');
    doc.windows = doc.windows.filter((w) => w.code !== 'lou-duan-bao');
    const r = refusal(() => windowFor(compilePolicy(doc), { paymentDate: '2024-03-01' }));
    expect(r.field).toBe('paymentDate');
    expect(r.message).toMatch(/^\(2024-03-01\) is outside every window open to this person; on that date only these groups may enroll: 新生儿; 非因个人原因停保断保的/);
  });

  it('Meishan 二（二）3: groups that enroll at any time pay in the document’s own window for them (sui-shi), ahead of the ordinary residents’ window; others do not', () => {
    const p = seededPolicy('meishan-2024.json');
    const { person, applying, trace } = prepare(p, { paymentDate: '2024-05-15', groups: ['xin-qian-ru'] });
    const { window: w } = paymentWindow(p, person, applying, trace);
    expect(w.doc).toMatchObject({ code: 'sui-shi', kind: 'anytime', name: '随时参保缴费', from: '2023-09-01', to: '2024-12-31', clause: '二（二）3' });
    expect(windowFor(p, { paymentDate: '2024-05-15' }).code).toBe('fei-ji-zhong');
    // in the central window, everyone pays in it, the groups too
    expect(windowFor(p, { paymentDate: '2023-10-15', groups: ['xin-qian-ru'] }).code).toBe('central');
  });

  it('Meishan 二（二）2: 非集中缴费期 is open only to residents without basic insurance earlier in the year; one who had is refused, one not saying is assumed not to have', () => {
    const p = seededPolicy('meishan-2024.json');
    expect(refusal(() => windowFor(p, { paymentDate: '2024-05-15', insuredEarlierInYear: true }))).toEqual({
      field: 'insuredEarlierInYear',
      message: '(2024-05-15) falls in 非集中缴费期, open only to 当年度未参加过任何基本医保的普通居民 (二（二）2); the person had basic insurance earlier in 2024 and no other window takes the payment',
    });
    expect(windowFor(p, { paymentDate: '2024-05-15', insuredEarlierInYear: false }).code).toBe('fei-ji-zhong');
    const { person, applying, trace } = prepare(p, { paymentDate: '2024-05-15' });
    expect(paymentWindow(p, person, applying, trace).assumption).toMatchObject({ fact: 'insured-earlier-in-year', category: null, clause: '二（二）2' });
    // an employee-insurance transfer within 3 months had insurance earlier, and its own rule applies
    expect(windowFor(p, { paymentDate: '2024-05-15', groups: ['employee-transfer'], eventDate: '2024-04-01', insuredEarlierInYear: true }).code).toBe('fei-ji-zhong');
  });
});
