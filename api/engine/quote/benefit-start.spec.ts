import { describe, expect, it } from 'vitest';
import { seedDocument, seededPolicy } from '../../../test/engine/seeded.js';
import { prepare, refusal } from '../../../test/engine/steps.js';
import { compilePolicy, type CompiledPolicy } from '../compile.js';
import { fromDay } from '../dates.js';
import { benefitStart, conventionOf, describeWaiting, noCoverage } from './benefit-start.js';
import { individualFee } from './fee.js';
import type { QuoteRequest } from './person.js';
import { paymentWindow } from './window.js';

/** When benefits start for a request: the day (null: no coverage in the year), the end, and the step's lines. */
function startFor(p: CompiledPolicy, req: QuoteRequest) {
  const { person, applying, trace } = prepare(p, req);
  const { window } = paymentWindow(p, person, applying, trace);
  const fee = individualFee(p, person, applying, trace);
  const before = trace.length;
  const s = benefitStart(p, person, window, applying, fee.lines, trace);
  const none = noCoverage(p, s, trace);
  return {
    start: none === null ? fromDay(s.day) : null,
    end: none === null ? fromDay(s.end) : null,
    retroactive: s.retroactive,
    waiting: describeWaiting(s.waiting),
    convention: conventionOf(s.waiting),
    lines: trace.slice(before).map((t) => `${t.detail} [${t.clause}]`),
  };
}

describe('benefit start: the window’s rule or a special group’s, the waiting period by the notice’s convention', () => {
  it('Shishi 2024 二（二）: 60 days (含) from the payment day: pay 2024-03-01 → 2024-04-30; Jan–Feb from the payment day; central from 01-01', () => {
    const p = seededPolicy('shishi-2024.json');
    expect(startFor(p, { paymentDate: '2024-03-01' })).toEqual({
      start: '2024-04-30',
      end: '2024-12-31',
      retroactive: false,
      waiting: '60 days',
      convention: 'the payment day is day 1 of the waiting period',
      lines: ['参保补缴期（设等待期）: after-waiting, waiting 60 days → 2024-04-30; the payment day is day 1 of the waiting period [二（二）]'],
    });
    expect(startFor(p, { paymentDate: '2024-02-29' })).toMatchObject({ start: '2024-02-29', waiting: 'no waiting period', convention: null });
    expect(startFor(p, { paymentDate: '2023-12-31' }).lines).toEqual(['集中参保缴费期: coverage-start → 2024-01-01 [二（一）]']);
  });

  it('Shishi 2025 二（三）: 3 months on the same day (03-10 → 06-10), the month’s last day where it has none (03-31 → 06-30)', () => {
    const p = seededPolicy('shishi-2025.json');
    expect(startFor(p, { paymentDate: '2025-03-10' })).toMatchObject({ start: '2025-06-10', waiting: '3 months' });
    expect(startFor(p, { paymentDate: '2025-03-31' }).start).toBe('2025-06-30');
  });

  it('Shishi 2025: paid 2025-10-01, benefits would start 2026-01-01: no coverage in 2025, said plainly', () => {
    expect(startFor(seededPolicy('shishi-2025.json'), { paymentDate: '2025-10-01' })).toMatchObject({
      start: null,
      end: null,
      lines: [
        '参保补缴期: after-waiting, waiting 3 months → 2026-01-01; benefits start on the same day of the month, or the month’s last day when it has none [二（三）]',
        'benefits would start on 2026-01-01, after coverage year 2025 ends (2025-12-31): this payment buys no coverage in 2025 [二（三）]',
      ],
    });
  });

  it('Lingyuan 一（三）缴费后60天: the payment day is not counted: pay 2022-03-11 → 2022-05-11', () => {
    expect(startFor(seededPolicy('lingyuan-2022.json'), { paymentDate: '2022-03-11' })).toMatchObject({
      start: '2022-05-11',
      convention: 'counting starts the day after payment (the payment day is not counted)',
    });
  });

  it('Meishan 二（二）2: from the 4th month counting the payment month as the 1st: pay 2024-05-15 → 2024-08-01; from October, no 2024 coverage', () => {
    const p = seededPolicy('meishan-2024.json');
    expect(startFor(p, { paymentDate: '2024-05-15' })).toMatchObject({ start: '2024-08-01', waiting: 'from the 4th month', convention: 'the payment month counts as the 1st month' });
    expect(startFor(p, { paymentDate: '2024-10-01' }).start).toBeNull();
  });

  it('Wuhe 三（一）3: from the 7th month: pay 2024-01-15 → 2024-07-01', () => {
    expect(startFor(seededPolicy('wuhe-2024.json'), { paymentDate: '2024-01-15' })).toMatchObject({ start: '2024-07-01', waiting: 'from the 7th month' });
  });

  describe('special groups replace the window’s rule', () => {
    it('Shishi 2024 五（四）: a newborn paid within 90 days (含) of birth is covered from birth, but not before the coverage year', () => {
      const p = seededPolicy('shishi-2024.json');
      expect(startFor(p, { paymentDate: '2024-05-20', birthDate: '2024-03-05', groups: ['newborn'] }).lines).toEqual(['1周岁以内的新生儿: birth-date → 2024-03-05 [五（四）]']);
      expect(startFor(p, { paymentDate: '2023-12-01', birthDate: '2023-10-01', groups: ['newborn'] }).lines).toEqual([
        '1周岁以内的新生儿: birth-date → 2024-01-01 (moved to the start of coverage year 2024) [五（四）]',
      ]);
    });

    it('Shishi 2025 五（三）: a freshman paying by 02-28 is covered from 2024-09-01 (before the year: the rule itself says so) to 2025-12-31', () => {
      expect(startFor(seededPolicy('shishi-2025.json'), { paymentDate: '2024-10-01', groups: ['freshman'] })).toMatchObject({ start: '2024-09-01', end: '2025-12-31' });
    });

    it('Shishi 2025: an employee-insurance transfer is exempt from the waiting period: from the payment day, as the document reads it', () => {
      expect(startFor(seededPolicy('shishi-2025.json'), { paymentDate: '2025-04-01', groups: ['employee-transfer'] }).lines).toEqual([
        '符合条件的职工医保转参加居民医保人员: exempt from the waiting period (details per 省、泉州市有关规定); from the payment day (readings.waitingExemptStart) → 2025-04-01 [二（三）]',
      ]);
    });

    it('the start of a waiting-exempt group without a rule of its own is the document’s reading, not the engine’s: the day after payment where it says so', () => {
      const doc = seedDocument('shishi-2025.json');
      doc.readings.waitingExemptStart.benefitStart = 'day-after-payment';
      expect(startFor(compilePolicy(doc), { paymentDate: '2025-04-01', groups: ['employee-transfer'] }).start).toBe('2025-04-02');
    });

    it('a months rule ending in a month without the day (2025-03-31 + 3 months) ends on the month’s last day (readings.monthEnd)', () => {
      expect(startFor(seededPolicy('shishi-2025.json'), { paymentDate: '2025-03-31' }).start).toBe('2025-06-30');
      expect(startFor(seededPolicy('shishi-2025.json'), { paymentDate: '2025-05-31' }).start).toBe('2025-08-31');
    });

    it('Meishan 二（二）2: a transfer within 3 months of the stop is covered from the payment day, the gap retroactively', () => {
      expect(startFor(seededPolicy('meishan-2024.json'), { paymentDate: '2024-05-15', groups: ['employee-transfer'], eventDate: '2024-04-01' })).toMatchObject({
        start: '2024-05-15',
        retroactive: true,
      });
    });

    it('Wuhe 三（一）: a migrant worker paying by 02-29 is covered the whole year, but never before birth', () => {
      const p = seededPolicy('wuhe-2024.json');
      expect(startFor(p, { paymentDate: '2024-02-10', groups: ['veteran', 'migrant-worker'] }).lines).toEqual(['务工人员: coverage-start → 2024-01-01 [三（一）2]']);
      expect(startFor(p, { paymentDate: '2024-02-01', birthDate: '2024-01-20', groups: ['migrant-worker'] }).lines).toEqual([
        '务工人员: coverage-start → 2024-01-20 (not before the date of birth) [三（一）2]',
      ]);
    });

    it('Wuhe 三（一）1: a 2023-born newborn paying for two years is covered from birth, in 2023', () => {
      expect(startFor(seededPolicy('wuhe-2024.json'), { paymentDate: '2024-01-15', birthDate: '2023-11-20', groups: ['newborn'] }).start).toBe('2023-11-20');
    });

    it('Lingyuan 四（五）: an infant who died within 3 months is covered from birth, which must be given', () => {
      const p = seededPolicy('lingyuan-2022.json');
      expect(startFor(p, { paymentDate: '2022-06-15', birthDate: '2022-05-01', groups: ['infant-deceased'] }).start).toBe('2022-05-01');
      expect(refusal(() => startFor(p, { paymentDate: '2022-06-15', groups: ['infant-deceased'] }))).toEqual({
        field: 'birthDate',
        message: 'is required for 新生3个月内因病夭折婴儿 (infant-deceased): its rules depend on the date of birth',
      });
    });
  });
});
