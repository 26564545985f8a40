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
  const w = paymentWindow(p, person, applying, trace);
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

  it('Meishan 二（二）3 without its 非集中 window: a group that enrolls at any time gets a window of its own, from the payment day', () => {
    const doc = seedDocument('meishan-2024.json');
    doc.windows = doc.windows.filter((w) => w.code !== 'fei-ji-zhong');
    const p = compilePolicy(doc);
    const { person, applying, trace } = prepare(p, { paymentDate: '2024-05-15', groups: ['xin-qian-ru'] });
    const w = paymentWindow(p, person, applying, trace);
    expect(w.doc).toMatchObject({ code: 'anytime-xin-qian-ru', name: '户籍新迁入人员随时参保', from: '2024-05-15', to: '2024-12-31', benefitStart: 'day-after-payment', clause: '二（二）3' });
    expect(refusal(() => windowFor(p, { paymentDate: '2024-05-15' })).message).toBe('(2024-05-15) is outside every window open to this person');
  });
});
