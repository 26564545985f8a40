import { describe, expect, it } from 'vitest';
import { seedDocument, seededPolicy } from '../../../test/engine/seeded.js';
import { linesOf, prepare, refusal } from '../../../test/engine/steps.js';
import { compilePolicy, type CompiledPolicy } from '../compile.js';
import { individualFee } from './fee.js';
import type { QuoteRequest } from './person.js';
import { quote } from '../quote.js';

function feeFor(p: CompiledPolicy, req: QuoteRequest) {
  const { person, applying, trace } = prepare(p, req);
  const before = trace.length;
  const fee = individualFee(p, person, applying, trace);
  return { ...fee, lines: fee.lines.map((l) => [l.coverageYear, l.amountFen, l.label, l.clause]), trace: trace.slice(before) };
}

describe('fee: the individual fee, or a special fee case', () => {
  it('the individual fee of each notice (个人缴费标准): 390, 400, 330, 380, 380', () => {
    const fees = (['shishi-2024.json', 'shishi-2025.json', 'lingyuan-2022.json', 'meishan-2024.json', 'wuhe-2024.json'] as const).map((f) => {
      const p = seededPolicy(f);
      const central = p.windows.find((w) => w.doc.kind === 'central')!.doc.from;
      return feeFor(p, { paymentDate: central }).totalFen;
    });
    expect(fees).toEqual([39_000, 40_000, 33_000, 38_000, 38_000]);
  });

  it('Shishi 2025 三（一）: one line of 400 for 2025, traced with its clause', () => {
    const f = feeFor(seededPolicy('shishi-2025.json'), { paymentDate: '2024-11-15' });
    expect(f.lines).toEqual([[2025, 40_000, '个人缴费标准', '三（一）']]);
    expect(f.trace).toEqual([{ rule: 'individual-fee', clause: '三（一）', detail: 'individual fee 400 元' }]);
  });

  describe('Wuhe 三（一）1: a newborn born in 2023 and enrolled in 2024 pays 350 for 2023 and 380 for 2024', () => {
    const wuhe = seededPolicy('wuhe-2024.json');

    it('born 2023-11-20, paid 2024-01-15: two lines, 730 in all', () => {
      const f = feeFor(wuhe, { paymentDate: '2024-01-15', birthDate: '2023-11-20', groups: ['newborn'] });
      expect(f.lines).toEqual([
        [2023, 35_000, '2023年出生的新生儿（两个年度缴费）', '三（一）1'],
        [2024, 38_000, '2023年出生的新生儿（两个年度缴费）', '三（一）1'],
      ]);
      expect(f.totalFen).toBe(73_000);
      expect(linesOf(f.trace)).toEqual(['2023年出生的新生儿（两个年度缴费）: 2023 350 元 + 2024 380 元', 'individual fee 730 元']);
    });

    it('born 2024-01-05: the 2023 case does not hold, 380', () => {
      expect(feeFor(wuhe, { paymentDate: '2024-02-01', birthDate: '2024-01-05', groups: ['newborn'] }).totalFen).toBe(38_000);
    });

    it('born 2023-10-01 but paid in the central window (2023-12-01): the case holds from its paidFrom (2024-01-01, 三（一） dynamic enrollment), 380', () => {
      expect(feeFor(wuhe, { paymentDate: '2023-12-01', birthDate: '2023-10-01', groups: ['newborn'] }).totalFen).toBe(38_000);
    });

    it('refuses without a birth date where the fee case alone needs it', () => {
      const doc = seedDocument('wuhe-2024.json');
      // a newborn group whose own rules ask nothing of the birth date: only the fee case does
      doc.specialGroups = doc.specialGroups.map((g) => (g.code === 'newborn' ? { ...g, rules: [] } : g));
      expect(refusal(() => feeFor(compilePolicy(doc), { paymentDate: '2024-02-01', groups: ['newborn'] }))).toEqual({
        field: 'birthDate',
        message: 'is required: 2023年出生的新生儿（两个年度缴费） depends on the year of birth',
      });
    });
  });

  describe('DOMAIN.md: a fee line is owed only for a coverage year in which the payment buys benefits', () => {
    const wuhe = seededPolicy('wuhe-2024.json');
    const owed = (req: QuoteRequest) => {
      const q = quote(wuhe, req);
      return { lines: q.feeLines.map((l) => [l.coverageYear, l.amountFen]), due: q.amountDueFen, start: q.benefitStart, trace: linesOf(q.trace.filter((t) => t.rule === 'fee-owed')) };
    };

    it('a 2023 newborn paid within 90 days is covered from birth in 2023: both lines, 730', () => {
      expect(owed({ paymentDate: '2024-01-15', birthDate: '2023-11-20', groups: ['newborn'] })).toMatchObject({ lines: [[2023, 35_000], [2024, 38_000]], due: 73_000, start: '2023-11-20' });
    });

    it('a 2023 newborn paid after 90 days (2024-03-01, born 2023-11-20) is covered from the day after payment, in 2024: the 2024 line alone, 380', () => {
      expect(owed({ paymentDate: '2024-03-01', birthDate: '2023-11-20', groups: ['newborn'] })).toEqual({
        lines: [[2024, 38_000]],
        due: 38_000,
        start: '2024-03-02',
        trace: ['2023年出生的新生儿（两个年度缴费） for 2023 (350 元) is not owed: benefits start on 2024-03-02, after 2023'],
      });
    });

    it('a payment that buys no coverage in the year owes nothing (an ordinary late payer from July: 7th month is 2025)', () => {
      expect(owed({ paymentDate: '2024-07-01' })).toEqual({ lines: [], due: 0, start: null, trace: ['the payment buys no coverage in 2024: no fee, subsidy or surcharge is owed for it'] });
    });
  });
});
