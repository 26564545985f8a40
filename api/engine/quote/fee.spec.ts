import { describe, expect, it } from 'vitest';
import { seedDocument, seededPolicy } from '../../../test/engine/seeded.js';
import { linesOf, prepare, refusal } from '../../../test/engine/steps.js';
import { compilePolicy, type CompiledPolicy } from '../compile.js';
import { individualFee } from './fee.js';
import type { QuoteRequest } from './person.js';

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

    it('born 2023-10-01 but paid in the central window (2023-12-01): the case is for payments inside the coverage year, 380', () => {
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
});
